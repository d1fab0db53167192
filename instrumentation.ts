/** Next.js calls this once per server process: config is validated, migrations applied and work resumed before traffic. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { bootstrap } = await import("./server/boot");
    await bootstrap();
  }
}
