import { and, col, not, or, type Predicate } from "../predicate";
import type { RuleSpec } from "../rule-spec";
import { WINDOWS_FORMATS } from "./formats";

const action = (value: string) => ({ op: "eq", field: col("action"), value }) as const;
const re = (column: Parameters<typeof col>[0], pattern: string): Predicate => ({
  op: "re",
  field: col(column),
  pattern,
  caseInsensitive: true,
});
/** A refused execve is an attempt, not a shell. */
const SUCCESSFUL = not({ op: "startswith", field: col("outcome"), value: "fail" });
/** Formats that carry Sysmon for Linux or auditd process and network records. */
const LINUX_PROCESS_FORMATS = ["syslog-la"];
// Accounts web and Java services run as: none of them should ever start an interactive shell.
const SERVICE_USER =
  "^(tomcat[0-9]*|www-data|apache|httpd|nginx|jenkins|jboss|wildfly|weblogic|solr|elasticsearch|confluence|jira|gitlab-www)$";

/**
 * Linux exploitation of a public-facing Java service (Log4Shell and its kind): the server process
 * reaching out to an LDAP or RMI listener (the JNDI lookup that fetches the attacker's class), then
 * a shell started by the service's account or by Java itself.
 */
export const LINUX_TRADECRAFT_RULES: RuleSpec[] = [
  {
    kind: "match",
    key: "generic.java-jndi-callback",
    name: "Java server connecting out to LDAP or RMI",
    description:
      "A Java process opened a connection to an LDAP or RMI port (389, 636, 1389, 1099): the JNDI lookup an injected jndi:ldap lookup string makes, as in Log4Shell (CVE-2021-44228, T1190).",
    stageKey: "initial-access",
    tactic: "TA0001",
    technique: "T1190",
    severity: "critical",
    formats: [...LINUX_PROCESS_FORMATS, ...WINDOWS_FORMATS],
    where: and(
      action("network-connect"),
      re("message", "^Network connection from [^:]*[/\\\\](java|javaw)(\\.exe)?:"),
      re("message", "→ [^ ]+:(389|636|1389|1099|1098) "),
    ),
  },
  {
    kind: "match",
    key: "generic.service-account-shell",
    name: "Shell started by a web or Java service",
    description:
      "sh, bash or dash started by a web or Java service's account (tomcat, www-data …) or by a Java process: commands run through the exploited service (T1059.004).",
    stageKey: "execution",
    tactic: "TA0002",
    technique: "T1059.004",
    severity: "high",
    formats: LINUX_PROCESS_FORMATS,
    where: and(
      action("process-create"),
      SUCCESSFUL,
      re("target", "/(ba|da|z|k|c|tc)?sh$"),
      or(re("actor", SERVICE_USER), re("message", "\\(parent [^)]*/java\\)")),
    ),
  },
];
