import type { StepEntity } from "@/lib/queries/step-entities";

/** What a person calls each kind, in the order a step is read: who, from where, on what, with what. */
export const STEP_ENTITY_LABELS: Record<string, string> = {
  account: "Accounts",
  ip: "Addresses",
  host: "Hosts",
  app: "Apps",
  key: "Keys",
  mailbox: "Mailboxes",
  file: "Files",
};

/** A step's entities by kind, in reading order: the ones named, and how many more there are. */
export function groupStepEntities(entities: readonly StepEntity[]): { kind: string; label: string; items: StepEntity[]; more: number }[] {
  return Object.keys(STEP_ENTITY_LABELS)
    .map((kind) => {
      const items = entities.filter((e) => e.kind === kind);
      return { kind, label: STEP_ENTITY_LABELS[kind] ?? kind, items, more: Math.max(0, (items[0]?.ofKind ?? 0) - items.length) };
    })
    .filter((g) => g.items.length > 0);
}

/** One line per kind for the CLI: "accounts: alice@x (12), bob@x (3) +2 more". */
export function stepEntityLines(entities: readonly StepEntity[]): string[] {
  return groupStepEntities(entities).map(
    (g) => `${g.label.toLowerCase()}: ${g.items.map((e) => `${e.value} (${e.events})`).join(", ")}${g.more ? ` +${g.more} more` : ""}`,
  );
}
