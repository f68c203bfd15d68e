// Class-name joining for components: clsx for conditionals, tailwind-merge so a caller's class wins over a default.
import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}
