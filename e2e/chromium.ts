// Debian's Chromium, the only browser this machine can run (Playwright's downloads are unreachable), with the flags
// a headless run in a sandboxed container needs. Shared by the Playwright config and the screenshot scripts.
export const CHROMIUM = {
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
};
