// How every part of the repository launches Chromium (Playwright's e2e tier, the playground's
// browser tests, the benches that drive the web app): the machine's Chromium, no sandbox (tests run
// as root in containers), and nothing that phones home, so a run is offline and repeatable.
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};
