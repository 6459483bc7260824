import type { RuleSpec } from "../rule-spec";
import { CLOUD_IDENTITY_RULES } from "./cloud-identity";
import { GENERIC_RULES } from "./generic";
import { LINUX_TRADECRAFT_RULES } from "./linux-tradecraft";
import { MAILBOX_TRADECRAFT_RULES } from "./mailbox-tradecraft";
import { NETWORK_RULES } from "./network";
import { STORM_0558_RULES } from "./storm-0558";
import { WINDOWS_TRADECRAFT_RULES } from "./windows-tradecraft";

/** Every built-in rule, in run order: correlation rules come after the rules they pivot from. */
export const BUILTIN_RULES: readonly RuleSpec[] = [
  ...STORM_0558_RULES,
  ...GENERIC_RULES,
  ...MAILBOX_TRADECRAFT_RULES,
  ...WINDOWS_TRADECRAFT_RULES,
  ...LINUX_TRADECRAFT_RULES,
  ...CLOUD_IDENTITY_RULES,
  // After the Windows rules: the network rules pivot from the hosts those found compromised.
  ...NETWORK_RULES,
];
