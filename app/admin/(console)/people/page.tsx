import type { Metadata } from "next";
import { requireMerchandiser } from "@/lib/auth/current";
import { listPeopleForAdmin } from "@/lib/tryon/people";
import { BODY_SHAPES, POSES, SKIN_TONE_IDS } from "@/lib/tryon/figures/vocabulary";
import { buttonClass } from "@/components/admin/form-controls";
import { PersonUploadForm } from "@/components/admin/person-upload-form";
import { reorderPerson, togglePersonHidden } from "./actions";

export const metadata: Metadata = { title: "Model photos" };

const words = (value: string) => value.replaceAll("_", " ");

export default async function PeoplePage() {
  await requireMerchandiser("/admin/people");
  const people = await listPeopleForAdmin();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Model photos</h1>
        <p className="mt-1 text-sm text-muted">The try-on gallery, in the order shoppers see it. Hidden photos stay here but are left out of the gallery.</p>
      </div>
      <PersonUploadForm options={{ poses: POSES, bodyShapes: BODY_SHAPES, skinTones: SKIN_TONE_IDS }} />
      {people.length === 0 ? (
        <p className="rounded-lg border border-dashed border-line-strong bg-white px-6 py-16 text-center text-sm text-muted">No model photos yet. Run the seed, or upload one above.</p>
      ) : (
        <ol className="divide-y divide-line/70 overflow-hidden rounded-lg border border-line bg-white shadow-xs" data-testid="admin-people">
          {people.map((person, i) => (
            <li key={person.id} className="flex flex-wrap items-center gap-4 px-4 py-3" data-testid="admin-person" data-id={person.id}>
              <span className="w-6 text-right text-sm tabular-nums text-muted">{i + 1}</span>
              {/* eslint-disable-next-line @next/next/no-img-element -- content-addressed images */}
              <img src={person.imageUrl} alt={`Model photo ${person.id}`} width={48} height={64} className={`h-16 w-12 rounded border border-line bg-studio object-cover ${person.hidden ? "opacity-40" : ""}`} />
              <div className="min-w-0 flex-1">
                <p className="font-medium text-ink">{words(person.pose)} · {words(person.bodyShape)} · {words(person.skinTone)}</p>
                <p className="text-xs text-muted">
                  {person.source === "uploaded" ? "Uploaded" : `Generated, wearing ${person.garments} pieces`}{person.hair ? ` · hair ${words(person.hair.replace(":", ", "))}` : ""}
                  {person.hidden ? <span className="text-sale"> · Hidden</span> : null}
                </p>
              </div>
              <div className="flex flex-wrap gap-2">
                <form action={reorderPerson}>
                  <input type="hidden" name="id" value={person.id} />
                  <button name="direction" value="up" disabled={i === 0} className={buttonClass("ghost", "px-2")} aria-label={`Move ${person.id} up`}>↑</button>
                  <button name="direction" value="down" disabled={i === people.length - 1} className={buttonClass("ghost", "px-2")} aria-label={`Move ${person.id} down`}>↓</button>
                </form>
                <form action={togglePersonHidden}>
                  <input type="hidden" name="id" value={person.id} />
                  <button name="hidden" value={person.hidden ? "false" : "true"} className={buttonClass("secondary")}>{person.hidden ? "Unhide" : "Hide"}</button>
                </form>
              </div>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
