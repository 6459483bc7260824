// Next.js start-up hook: the database check runs in the Node.js runtime only.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./instrumentation-node");
}
