import type { Ctx } from "@/lib/context/ctx";
import { InvalidRequestError } from "@/lib/errors/invalid-request";
import { NotFoundError } from "@/lib/errors/not-found";
import { getChain } from "@/lib/queries/get-chain";
import { chainToAttackFlow } from "./attack-flow";
import { chainToMermaid } from "./mermaid";

export const CHAIN_FORMATS = ["stix", "mermaid"] as const;
export type ChainFormat = (typeof CHAIN_FORMATS)[number];

export function chainFormat(raw: string | null | undefined): ChainFormat {
  const f = (raw ?? "stix").toLowerCase();
  if (!(CHAIN_FORMATS as readonly string[]).includes(f))
    throw new InvalidRequestError(`format: "${f.slice(0, 30)}" is not one of ${CHAIN_FORMATS.join(", ")}`);
  return f as ChainFormat;
}

/** The chain (as believed on `asOf`, or now) as a file: STIX 2.1 with Attack Flow, or Mermaid text. */
export async function exportChain(ctx: Ctx, incidentId: string, format: ChainFormat, asOf: Date | null) {
  if (format === "stix") {
    const bundle = await chainToAttackFlow(ctx, incidentId, asOf);
    return {
      filename: "attack-flow.json",
      contentType: "application/stix+json; charset=utf-8",
      body: `${JSON.stringify(bundle, null, 2)}\n`,
    };
  }
  const chain = await getChain(ctx, incidentId, asOf);
  if (!chain) throw new NotFoundError(`no incident ${incidentId} (or you are not a member of it)`);
  return { filename: "chain.mmd", contentType: "text/plain; charset=utf-8", body: chainToMermaid(chain) };
}
