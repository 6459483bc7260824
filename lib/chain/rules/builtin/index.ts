import type { RuleSpec } from "../rule-spec";
import { GENERIC_RULES } from "./generic";
import { STORM_0558_RULES } from "./storm-0558";

/** Every built-in rule, in run order: correlation rules come after the rules they pivot from. */
export const BUILTIN_RULES: readonly RuleSpec[] = [...STORM_0558_RULES, ...GENERIC_RULES];
