// CPU profiles of the browser's main thread while a signed-in page loads, at Lighthouse's mobile 4×
// CPU throttle, to see which scripts and functions the blocking time is made of (web-lighthouse.ts
// says how long, not what). The product as web-lighthouse runs it (web-stack.ts); the bench's user
// signs in through /signin, then each page is loaded in a fresh context (empty storage, first visit)
// with the CDP Profiler on until the network is idle. It also prints the page's long tasks (> 50 ms,
// under the throttle: duration@start in ms) and their time over 50 ms, a quick stand-in for TBT, its
// LCP candidates and its layout shifts (each one's score and what moved, from where to where).
//
//   node --import tsx bench/lib/browser-profile.ts        PROFILE_PAGES=home,browse,title PROFILE_ROUNDS=2 PROFILE_DIR=/tmp/webprof PROFILE_CPU_RATE=4
//   node --import tsx bench/lib/cpu-profile.ts /tmp/webprof   where the time went (by chunk and by function; names are minified)
//
// A tool, not a benchmark (bench/lib is not run by `npm run bench`).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { log } from "./report.ts";
import { chromiumLaunchOptions, playwright } from "./web.ts";
import { startWebBenchStack } from "./web-stack.ts";

const pages = (process.env.PROFILE_PAGES ?? "home").split(",");
const rounds = Number(process.env.PROFILE_ROUNDS ?? 2);
const dir = process.env.PROFILE_DIR ?? "/tmp/webprof";
/** Lighthouse's mobile profile slows the CPU 4×; 1 shows the unthrottled load Lighthouse's simulation starts from. */
const cpuRate = Number(process.env.PROFILE_CPU_RATE ?? 4);
/**
 * PROFILE_TRACE=1 also records a Chromium trace of each load (the main thread's tasks and the V8
 * sampler's stacks, NAME-N.trace.json): `node --import tsx bench/lib/trace-tasks.ts FILE` lists each
 * task long enough to block at Lighthouse's 4× and what ran in it. PROFILE_TRACE_CATEGORIES=a,b adds
 * trace categories (disabled-by-default-blink.debug: CSS selector statistics in each style recalc).
 */
const trace = process.env.PROFILE_TRACE === "1";
// PROFILE_BLOCK=glob,glob: requests to leave unanswered (the font: "**" + "/*.woff2"), to see what a page costs without them.
const blocked = (process.env.PROFILE_BLOCK ?? "").split(",").filter(Boolean);
mkdirSync(dir, { recursive: true });
const stack = await startWebBenchStack({ name: "browser-profile", titles: 5_000, crowd: 300 });
try {
  const { chromium } = playwright;
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const signIn = await browser.newPage();
    await signIn.goto(`${stack.web.url}/signin`);
    await signIn.getByLabel("Email").fill(stack.user.email);
    await signIn.getByLabel("Password").fill(stack.user.password);
    await signIn.getByRole("button", { name: "Sign in" }).click();
    await signIn.waitForURL("**/home", { timeout: 30_000 });
    const cookies = await signIn.context().cookies();
    await signIn.close();
    for (const name of pages) {
      const route = name === "title" ? `/title/movie/${stack.movieTmdbId}` : name === "landing" ? "/" : `/${name}`;
      for (let round = 0; round < rounds; round++) {
        // Lighthouse's mobile screen: 412×823 at 1.75 device pixels, a touch screen, mobile viewport rules.
        const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
        if (name !== "landing" && name !== "signin") await context.addCookies(cookies); // those two are for visitors
        // Long tasks as the page sees them (under the throttle): a quick stand-in for Lighthouse's TBT.
        await context.addInitScript(() => {
          const tasks: Array<{ start: number; duration: number }> = [];
          (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) tasks.push({ start: Math.round(entry.startTime), duration: Math.round(entry.duration) });
          }).observe({ type: "longtask", buffered: true });
          // The page's largest-contentful-paint candidates, the last being its LCP.
          const paints: Array<{ start: number; element: string }> = [];
          (window as unknown as { __lcp: typeof paints }).__lcp = paints;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as Array<PerformanceEntry & { element?: Element | null }>) {
              const element = entry.element;
              const name = element
                ? `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(" ")[0]}` : ""} "${(element.textContent ?? "").trim().slice(0, 30)}"`
                : "?";
              paints.push({ start: Math.round(entry.startTime), element: name });
            }
          }).observe({ type: "largest-contentful-paint", buffered: true });
          // Layout shifts (what Lighthouse's CLS adds up): each shift's score and what moved, from where to where.
          const shifts: Array<{ start: number; value: number; sources: string[] }> = [];
          (window as unknown as { __shifts: typeof shifts }).__shifts = shifts;
          type Shift = PerformanceEntry & {
            value: number;
            hadRecentInput: boolean;
            sources: Array<{ node?: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }>;
          };
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as Shift[]) {
              if (entry.hadRecentInput) continue;
              shifts.push({
                start: Math.round(entry.startTime),
                value: entry.value,
                sources: entry.sources.map((source) => {
                  const element = source.node instanceof Element ? source.node : source.node?.parentElement;
                  const name = element ? `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(" ")[0]}` : ""}` : "?";
                  const rect = (r: DOMRectReadOnly) => `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`;
                  return `${name} ${rect(source.previousRect)} → ${rect(source.currentRect)}`;
                }),
              });
            }
          }).observe({ type: "layout-shift", buffered: true });
        });
        const page = await context.newPage();
        for (const pattern of blocked) await page.route(pattern, (route) => route.abort("blockedbyclient"));
        let requests = 0;
        let routePrefetches = 0;
        page.on("request", (request) => {
          requests++;
          if (request.headers()["next-router-prefetch"]) routePrefetches++;
        });
        const cdp = await context.newCDPSession(page);
        await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpuRate });
        await cdp.send("Profiler.enable");
        await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
        await cdp.send("Profiler.start");
        const traceFile = path.join(dir, `${name}-${round}.trace.json`);
        if (trace)
          await browser.startTracing(page, {
            path: traceFile,
            categories: [
              "devtools.timeline",
              "disabled-by-default-devtools.timeline",
              "v8.execute",
              "disabled-by-default-v8.cpu_profiler",
              "loading",
              ...(process.env.PROFILE_TRACE_CATEGORIES ?? "").split(",").filter(Boolean),
            ],
          });
        const started = Date.now();
        await page.goto(`${stack.web.url}${route}`, { waitUntil: "networkidle" });
        await page.waitForTimeout(1_500);
        const { profile } = await cdp.send("Profiler.stop");
        if (trace) await browser.stopTracing();
        const file = path.join(dir, `${name}-${round}.cpuprofile`);
        writeFileSync(file, JSON.stringify(profile));
        const tasks = await page.evaluate(() => (window as unknown as { __longTasks: Array<{ start: number; duration: number }> }).__longTasks);
        const paints = await page.evaluate(() => (window as unknown as { __lcp: Array<{ start: number; element: string }> }).__lcp);
        const shifts = await page.evaluate(() => (window as unknown as { __shifts: Array<{ start: number; value: number; sources: string[] }> }).__shifts);
        const blocking = tasks.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0);
        log(
          `${name} round ${round}: ${Date.now() - started} ms → ${file}; ${requests} requests (${routePrefetches} route prefetches); long tasks ${tasks.length}, blocking ${blocking} ms: ${tasks.map((task) => `${task.duration}@${task.start}`).join(" ")}; LCP candidates: ${paints.map((paint) => `${paint.element}@${paint.start}`).join(", ")}; layout shifts ${shifts.reduce((sum, shift) => sum + shift.value, 0).toFixed(3)}: ${shifts.map((shift) => `${shift.value.toFixed(3)}@${shift.start} [${shift.sources.join("; ")}]`).join(" ")}`,
        );
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
} finally {
  await stack.close();
}
