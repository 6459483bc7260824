// The tasks an exercise sets, as trainees see them: what is asked, what it is worth, what a hint
// and a wrong try cost, and the choices a form offers. Never an answer: those are in the
// exercise's frozen keys (exercise-key.ts), which stay on the server.

export const TASK_KINDS = ["stage-tags", "chain-order", "time-window", "gaps", "hypothesis", "exact", "brief"] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export type Task = {
  /** Stable within the exercise: answers and keys refer to it. */
  id: string;
  kind: TaskKind;
  title: string;
  prompt: string;
  worth: number;
  /** Points a hint costs; `hints` says how many there are. */
  hintCost: number;
  hints: number;
  /** Points a wrong try costs (exact questions). */
  penalty: number;
  /** What a choice task offers (hypotheses; confidence labels), in an order that gives nothing away. */
  choices?: { id: string; label: string }[];
  confidences?: string[];
  /** What a brief is graded against. */
  rubric?: string[];
};

export const CONFIDENCE_LABELS = ["confirmed", "likely", "possible", "unknown"] as const;

export const BRIEF_RUBRIC = [
  "Says what happened in one sentence a minister would understand",
  "Names how the actor got in (a forged token signed with a stolen key) without jargon",
  "States what is not known (how the key left) as unknown, not as fact",
  "Says who is affected and since when, with the retention caveat",
  "Ends with the decision or action needed",
];

/**
 * The ids a hypothesis task's choices carry: their places in title order, never the hypotheses' own
 * ids (in the scenario "H1" is the leading one, and the form would say so).
 */
export function choiceIds(hypotheses: readonly { id: string; title: string }[]): Map<string, string> {
  return new Map([...hypotheses].sort((a, b) => a.title.localeCompare(b.title)).map((h, i) => [h.id, `choice-${i + 1}`]));
}

type Costs = { worth: number; hintCost?: number; hints?: number; penalty?: number };
const task = (t: Omit<Task, "hintCost" | "hints" | "penalty">, c: Costs): Task => ({ hintCost: 0, hints: 0, penalty: 0, ...t, ...c });

// The tasks both kinds of exercise set, worded once.
const tagsTask = (c: Costs) =>
  task(
    {
      id: "tags",
      kind: "stage-tags",
      title: "Tag the key events",
      prompt:
        "Tag the stage of each event that evidences a step of the attack (Events view: select, then Stage). Tags on events that evidence nothing cost precision.",
      worth: c.worth,
    },
    c,
  );
const orderTask = (c: Costs) =>
  task(
    {
      id: "order",
      kind: "chain-order",
      title: "Order the chain",
      prompt: "Put the attack's stages in the order they happened.",
      worth: c.worth,
    },
    c,
  );
const gapsTask = (c: Costs) =>
  task(
    {
      id: "gaps",
      kind: "gaps",
      title: "Mark the evidence gaps",
      prompt: "Mark each window in which evidence that matters is missing, and whose logs are missing (UTC).",
      worth: c.worth,
    },
    c,
  );
const hypothesisTask = (prompt: string, hypotheses: { id: string; title: string }[], c: Costs) =>
  task(
    {
      id: "hypothesis",
      kind: "hypothesis",
      title: "Choose the leading hypothesis",
      prompt,
      worth: c.worth,
      choices: [...hypotheses]
        .sort((a, b) => a.title.localeCompare(b.title))
        .map((h) => ({ id: choiceIds(hypotheses).get(h.id) as string, label: h.title })),
      confidences: [...CONFIDENCE_LABELS],
    },
    c,
  );
const briefTask = (reader: string, c: Costs) =>
  task(
    {
      id: "brief",
      kind: "brief",
      title: "Write the brief",
      prompt: `Write a five-line brief for ${reader}. Your instructor grades it against the rubric.`,
      worth: c.worth,
      rubric: BRIEF_RUBRIC,
    },
    c,
  );
const exactTask = (id: string, title: string, prompt: string) =>
  task({ id, kind: "exact", title, prompt, worth: 5 }, { worth: 5, penalty: 1, hintCost: 1, hints: 1 });

/** The scenario exercise's tasks, given the hypotheses a trainee chooses among (sorted by title). */
export function scenarioTasks(hypotheses: { id: string; title: string }[]): Task[] {
  return [
    tagsTask({ worth: 30, hintCost: 3, hints: 2 }),
    orderTask({ worth: 15, hintCost: 3, hints: 1 }),
    task(
      {
        id: "window",
        kind: "time-window",
        title: "Bound the key theft",
        prompt: "No log shows the key being taken. Between which two moments must it have happened? (UTC)",
        worth: 15,
      },
      { worth: 15, hintCost: 3, hints: 1 },
    ),
    gapsTask({ worth: 10, hintCost: 2, hints: 1 }),
    hypothesisTask("How was the signing key most probably obtained, and how confident can the report be?", hypotheses, { worth: 10 }),
    exactTask("app", "Which AppId read the mailboxes?", "Give the application id the actor's mailbox reads carry."),
    exactTask("kid", "Which key signed the forged tokens?", "Give the key id (kid) of the key that signed the forged tokens."),
    exactTask("address", "From which address?", "Give an address the mailboxes were read from with forged tokens."),
    briefTask("the agency's head", { worth: 5 }),
  ];
}

/** An incident exercise's tasks: what its key can score (gaps and the hypothesis only when it has them). */
export function incidentTasks(has: { gaps: boolean; hypothesis: boolean }, hypotheses: { id: string; title: string }[]): Task[] {
  return [
    tagsTask({ worth: 40, hintCost: 4, hints: 1 }),
    orderTask({ worth: 20, hintCost: 4, hints: 1 }),
    ...(has.gaps ? [gapsTask({ worth: 20, hintCost: 2, hints: 1 })] : []),
    ...(has.hypothesis
      ? [hypothesisTask("Which hypothesis best explains the evidence, and how confident can the report be?", hypotheses, { worth: 10 })]
      : []),
    briefTask("the organisation's head", { worth: 10 }),
  ];
}
