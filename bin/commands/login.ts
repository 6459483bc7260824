import { type Command, UsageError } from "../command";
import { readFirstLine } from "../read-secret";
import { remoteFetch, remoteTarget, saveToken } from "../remote";

export const loginCommand: Command = {
  path: ["login"],
  summary: "Keep a personal access token for a server (--server URL), read from stdin, in a 0600 config file",
  remote: true,
  help: ["Make the token on the server's Account page (or chainline token create there), then: echo TOKEN | chainline login --server URL"],
  async run() {
    const server = process.env.CHAINLINE_SERVER;
    if (!server) throw new UsageError("--server URL is required");
    const token = (await readFirstLine()).trim();
    if (!token) throw new UsageError("give the token on stdin");
    const me = (await remoteFetch({ server, token }, "/api/me")) as { email: string; tokenScope: string };
    const file = saveToken(server, token);
    console.log(`signed in to ${server} as ${me.email} (${me.tokenScope} token); kept in ${file}`);
    console.log(`use it with --server ${server} (or CHAINLINE_SERVER=${server}) on import, incident list and whoami`);
    return 0;
  },
};

export const whoamiCommand: Command = {
  path: ["whoami"],
  summary: "Who this run acts as (on the server, or through --server with a token)",
  remote: true,
  async run() {
    const remote = remoteTarget();
    if (remote) {
      const me = (await remoteFetch(remote, "/api/me")) as { email: string; name: string; tokenScope: string | null };
      console.log(`${me.name} <${me.email}> on ${remote.server} (${me.tokenScope ?? "session"} token)`);
      return 0;
    }
    const { cliContext } = await import("../cli-context");
    const { actor } = await cliContext();
    console.log(`${actor.name} <${actor.email}> on this server's database${actor.isAdmin ? " (instance admin)" : ""}`);
    return 0;
  },
};
