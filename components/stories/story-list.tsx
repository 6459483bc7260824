import Link from "next/link";
import { TimeText } from "@/components/ui/time-text";
import type { StoryListItem } from "@/lib/stories/get-story";
import { AUDIENCES, type Audience } from "@/lib/stories/templates";

/** The incident's stories, newest first: title, audience, where it stands in review, who wrote it. */
export function StoryList({
  incidentId,
  stories,
  zone,
  publishedOnly = false,
}: {
  incidentId: string;
  stories: StoryListItem[];
  zone: string;
  publishedOnly?: boolean;
}) {
  if (stories.length === 0) return <p className="text-sm text-muted">{publishedOnly ? "Nothing published yet." : "No stories yet."}</p>;
  return (
    <table className="w-full border-collapse text-sm">
      <thead>
        <tr className="border-b border-line text-left text-xs text-muted">
          <th className="py-1 pr-3">Title</th>
          <th className="py-1 pr-3">Audience</th>
          <th className="py-1 pr-3">Status</th>
          <th className="py-1 pr-3">Author</th>
          <th className="py-1">Updated</th>
        </tr>
      </thead>
      <tbody>
        {stories.map((s) => (
          <tr key={s.id} className="border-b border-line">
            <td className="py-1.5 pr-3">
              <Link className="text-accent underline" href={`/incidents/${incidentId}/story/${s.id}`}>
                {s.title}
              </Link>
            </td>
            <td className="py-1.5 pr-3">{AUDIENCES[s.audience as Audience] ?? s.audience}</td>
            <td className="py-1.5 pr-3">
              version {s.version}, {s.status.replace("_", " ")}
            </td>
            <td className="py-1.5 pr-3">{s.author}</td>
            <td className="py-1.5">
              <TimeText iso={new Date(s.updatedAt).toISOString()} tz={zone} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
