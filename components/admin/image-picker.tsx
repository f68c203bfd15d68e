"use client";
// Product image input with a preview. Size and type are checked here for a quick answer; the server checks
// the content again (sniffing, pixel limit) whatever the browser says.
import { useEffect, useState } from "react";
import { describedBy } from "./form-controls";

const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPT = "image/png,image/jpeg,image/webp,image/gif";

interface Props {
  currentUrl?: string;
  error?: string;
  required: boolean;
  onProblem: (message: string | undefined) => void;
}

export function ImagePicker({ currentUrl, error, required, onProblem }: Props) {
  const [preview, setPreview] = useState<string | undefined>(currentUrl);

  useEffect(() => () => {
    if (preview?.startsWith("blob:")) URL.revokeObjectURL(preview);
  }, [preview]);

  const onChange = (file: File | undefined) => {
    if (!file) {
      setPreview(currentUrl);
      onProblem(undefined);
      return;
    }
    if (file.size > MAX_BYTES) {
      onProblem(`This file is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is 10 MB.`);
      return;
    }
    if (!ACCEPT.split(",").includes(file.type)) {
      onProblem("Choose a PNG, JPEG, WebP or GIF image.");
      return;
    }
    onProblem(undefined);
    setPreview(URL.createObjectURL(file));
  };

  return (
    <div className="space-y-3">
      <div className="aspect-square overflow-hidden rounded-md border border-line bg-studio">
        {preview ? (
          // eslint-disable-next-line @next/next/no-img-element -- blob: previews cannot go through next/image
          <img src={preview} alt="Product image preview" className="size-full object-contain" />
        ) : (
          <div className="flex size-full items-center justify-center text-xs text-muted/70">No image yet</div>
        )}
      </div>
      <label htmlFor="image" className="block text-sm font-medium text-ink-soft">
        {currentUrl ? "Replace image" : "Image"}
        {required ? <span className="text-muted"> (required)</span> : null}
      </label>
      <input
        name="image"
        type="file"
        accept={ACCEPT}
        onChange={(e) => onChange(e.target.files?.[0])}
        className="block w-full text-sm text-ink-soft file:mr-3 file:rounded-md file:border file:border-line-strong file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-ink-soft hover:file:bg-studio"
        {...describedBy("image", error, "image-hint")}
      />
      {error ? (
        <p id="image-error" role="alert" className="text-sm text-red-700">{error}</p>
      ) : (
        <p id="image-hint" className="text-xs text-muted">PNG, JPEG, WebP or GIF, up to 10 MB. It is centred on the studio background, square.</p>
      )}
    </div>
  );
}
