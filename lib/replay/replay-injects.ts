// The prompts a facilitator starts a replay with: one when each step of the chain is first seen,
// worded for its stage (the Storm-0558 stages have their own; any other stage a general one).

const PROMPTS: Record<string, string> = {
  "key-exposure": "The signing service crashed and wrote a dump. Who may read crash dumps, and could one hold key material?",
  "transfer-out": "A crash dump has just been copied out of the isolated network to the debugging environment. Who checks what leaves?",
  "detection-failure": "The credential scanner ran over the dump and reported nothing. How far do you trust a clean scan?",
  "account-compromise":
    "The engineer's account signs in from an unfamiliar country with a token from their own earlier session. What do you do now?",
  "key-acquisition": "Nothing in the logs shows the key leaving. Which hypotheses are open, and what evidence could still settle them?",
  "token-forgery":
    "Tokens signed with a consumer key are being accepted for enterprise tenants. Who needs to know, and what do you block first?",
  "mailbox-access": "Mailboxes are being read by an AppId no Outlook client uses. What do you ask the tenant owners for?",
  detection: "A customer's SIEM rule has fired on the unusual AppId. What do you tell them, and what do you ask of them?",
  response: "The key is revoked and validation is fixed. What must the post-mortem say, and to whom?",
};

/** The prompt for a step of this stage first seen now. */
export function promptFor(stageKey: string, stageName: string, stepTitle: string): string {
  return PROMPTS[stageKey] ?? `New evidence for ${stageName}: ${stepTitle}. What do you decide?`;
}
