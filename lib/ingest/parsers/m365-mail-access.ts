import { isObject } from "../formats/format";
import { asJson, asText, at, clip, type Fields, nameValues } from "./ms-fields";

/** What a MailItemsAccessed record says was read: the evidence CISA's Storm-0558 detection rests on. */
export type MailAccess = {
  /** "Bind" (items opened; aggregated per 2 minutes) or "Sync" (a folder synchronised). */
  accessType?: string;
  throttled: boolean;
  /** Items listed under Folders[].FolderItems. */
  items: number;
  folders: string[];
  operationCount?: string;
};

export function mailAccessOf(f: Fields): MailAccess {
  const props = nameValues(f.get("OperationProperties"));
  const folders = asJson(f.get("Folders"));
  const paths: string[] = [];
  let items = 0;
  if (Array.isArray(folders)) {
    for (const folder of folders) {
      const path = asText(at(folder, "Path"));
      if (path && !paths.includes(path)) paths.push(path);
      const list = at(folder, "FolderItems");
      if (Array.isArray(list)) items += list.length;
    }
  }
  return {
    accessType: props.get("MailAccessType") || undefined,
    throttled: props.get("IsThrottled")?.toLowerCase() === "true",
    items,
    folders: paths,
    operationCount: f.text("OperationCount"),
  };
}

/** " — 2 items in \Inbox, \Sent Items; throttled", or "" when the record lists nothing. */
export function describeMailAccess(m: MailAccess): string {
  const parts: string[] = [];
  const where = m.folders.length ? clip(m.folders.join(", "), 160) : "";
  if (m.items > 0) parts.push(`${m.items} item${m.items === 1 ? "" : "s"}${where ? ` in ${where}` : ""}`);
  else if (where) parts.push(where);
  else if (m.operationCount) parts.push(`${m.operationCount} operations`);
  if (m.throttled) parts.push("throttled: further binds not logged for 24 h");
  return parts.length ? ` — ${parts.join("; ")}` : "";
}

/** For other mailbox actions: the item's subject and folder, or the move's folders and item count. */
export function describeMailItem(f: Fields): string {
  const item = asJson(f.get("Item"));
  const affected = asJson(f.get("AffectedItems"));
  const from = asText(at(asJson(f.get("Folder")), "Path"));
  const to = asText(at(asJson(f.get("DestFolder")), "Path"));
  const parts: string[] = [];
  if (isObject(item)) {
    const subject = asText(item.Subject);
    const folder = asText(at(item, "ParentFolder", "Path"));
    if (subject) parts.push(`"${clip(subject, 120)}"`);
    if (folder) parts.push(`in ${folder}`);
  }
  if (Array.isArray(affected) && affected.length > 0) parts.push(`${affected.length} item${affected.length === 1 ? "" : "s"}`);
  if (from && to) parts.push(`from ${from} to ${to}`);
  else if (to) parts.push(`to ${to}`);
  return parts.length ? ` — ${parts.join(" ")}` : "";
}
