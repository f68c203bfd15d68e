"use client";
// The console's model-photo upload: a file and the three gallery attributes, chosen from the figure vocabulary.
// The server checks everything again (content sniffing, pixel limit, vocabulary) whatever the browser says.
import { useActionState } from "react";
import { uploadPerson, type PersonUploadState } from "@/app/admin/(console)/people/actions";
import { buttonClass, describedBy, Field, inputClass, Notice } from "./form-controls";

export interface PersonUploadOptions { poses: readonly string[]; bodyShapes: readonly string[]; skinTones: readonly string[] }

const label = (value: string) => value.replaceAll("_", " ");

export function PersonUploadForm({ options }: { options: PersonUploadOptions }) {
  const [state, dispatch, pending] = useActionState<PersonUploadState, FormData>(uploadPerson, null);
  const error = (field: string) => (state && !state.ok && state.field === field ? state.message : undefined);
  const select = (name: string, title: string, values: readonly string[]) => (
    <Field label={title} htmlFor={`person-${name}`} error={error(name)}>
      <select {...describedBy(`person-${name}`, error(name))} name={name} required className={inputClass} defaultValue="">
        <option value="" disabled>Choose…</option>
        {values.map((v) => <option key={v} value={v}>{label(v)}</option>)}
      </select>
    </Field>
  );
  return (
    <form action={dispatch} className="grid gap-4 rounded-lg border border-line bg-white p-4 shadow-xs sm:grid-cols-5" data-testid="person-upload">
      <Field label="Full-body photo" htmlFor="person-image" error={error("image")} hint="PNG, JPEG, WebP or GIF, up to 10 MB; shown at 384×512." className="sm:col-span-2">
        <input {...describedBy("person-image", error("image"), "hint")} name="image" type="file" required accept="image/png,image/jpeg,image/webp,image/gif" className="block w-full text-sm" />
      </Field>
      {select("pose", "Pose", options.poses)}
      {select("bodyShape", "Body shape", options.bodyShapes)}
      {select("skinTone", "Skin tone", options.skinTones)}
      <div className="flex items-center gap-3 sm:col-span-5">
        <button type="submit" disabled={pending} className={buttonClass("primary")}>{pending ? "Uploading…" : "Upload model photo"}</button>
        {state ? <Notice tone={state.ok ? "success" : "error"}>{state.message}</Notice> : null}
      </div>
    </form>
  );
}
