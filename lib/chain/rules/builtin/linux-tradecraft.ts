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

/** Programs that fetch from a URL. */
const DOWNLOAD_TOOL = "/(curl|wget|fetch|tftp|lwp-download|aria2c)$";
/** Where cron and systemd read what they start: a file written here runs again by itself. */
const SCHEDULED_PATH =
  "^(/etc/cron(tab|\\.d/|\\.(hourly|daily|weekly|monthly)/)|/var/spool/cron/|/etc/systemd/system/|/(usr/)?lib/systemd/system/|/home/[^/]+/\\.config/systemd/user/|/root/\\.config/systemd/user/)";
/** crontab given a file or -e (installing a table), not -l (listing it), as auditd and Sysmon for Linux word a start. */
const CRONTAB_EDIT = "(started|failed to start|Process created): (\\S*/)?crontab\\s+(-u\\s+\\S+\\s+)?(-e|[^-\\s]\\S*)";

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
  {
    kind: "match",
    key: "generic.service-account-download",
    name: "Download tool run by a web or Java service",
    description:
      "curl, wget or another fetcher started by a web or Java service's account or by Java itself: the exploited service pulling the next stage from the attacker's host (T1105).",
    stageKey: "command-and-control",
    tactic: "TA0011",
    technique: "T1105",
    severity: "high",
    formats: LINUX_PROCESS_FORMATS,
    where: and(
      action("process-create"),
      SUCCESSFUL,
      re("target", DOWNLOAD_TOOL),
      or(re("actor", SERVICE_USER), re("message", "\\(parent [^)]*/java\\)")),
    ),
  },
  {
    kind: "match",
    key: "generic.cron-or-systemd-unit",
    name: "Cron job or systemd unit written",
    description:
      "A file written under cron's or systemd's folders, or crontab / systemctl enable run: something set to start again by itself (T1053.003, T1543.002).",
    stageKey: "persistence",
    tactic: "TA0003",
    technique: "T1053.003",
    severity: "medium",
    formats: LINUX_PROCESS_FORMATS,
    where: or(
      and(action("file-create"), re("target", SCHEDULED_PATH)),
      and(action("process-create"), SUCCESSFUL, or(re("message", CRONTAB_EDIT), re("message", "systemctl\\s+(--\\S+\\s+)*enable\\b"))),
    ),
  },
];
