// Takes PNG screenshots of every view and its examples at phone (390 px) and
// desktop (1280 px) widths, for both pages: e2e/screenshots/<width>-<name>.png
// (English, dist/) and <width>-<name>-zh-cn.png (Chinese, dist/zh-cn/).
// Usage: node scripts/screenshots.mjs [name-filter]   (after `make build`;
// the filter matches the file name, so "zh-cn" takes the Chinese set only)
import fs from 'node:fs';
import path from 'node:path';
import { launch, serve, ROOT } from '../e2e/helpers.mjs';

const OUT = path.join(ROOT, 'e2e', 'screenshots');
const filter = process.argv[2] || '';
const WIDTHS = [{ name: 'phone', width: 390, height: 844 }, { name: 'desktop', width: 1280, height: 720 }];
// Each language's page: its directory under the served dist/, and the file name suffix.
const PAGES = [{ dir: '', suffix: '' }, { dir: 'zh-cn/', suffix: '-zh-cn' }];

const SHOTS = [
  { name: 'decode-empty', hash: '#v=decode' },
  { name: 'decode-docker-status', click: '#ex-docker-status', open: '#matrix tr[data-cap="13"] .cap-name' },
  { name: 'decode-capsh', click: '#ex-capsh-decode' },
  { name: 'decode-error', hash: '#v=decode&in=CapBnd:+00000000a80425fg' },
  { name: 'exec-ping-p', tab: '#tab-exec', click: '#ex-ping-p' },
  { name: 'exec-eperm', tab: '#tab-exec', click: '#ex-docker-user-eperm' },
  { name: 'containers-typo', tab: '#tab-containers', click: '#ex-cpb-typo' },
  { name: 'containers-docker', tab: '#tab-containers', click: '#ex-docker-run' },
  { name: 'workshop-present', hash: 'workshop/#v=workshop&s=a5&present=1&c=0&r=1', wait: '#ws-lesson' },
  { name: 'workshop-question', hash: 'workshop/#v=workshop&s=5&present=1', wait: '#ws-title:not(:empty)' },
  { name: 'workshop-step', hash: 'workshop/#v=workshop&s=3&c=1&r=1', wait: '#ws-lesson' },
  { name: 'workshop-linters', hash: 'workshop/#v=workshop&s=13&c=1&r=1', wait: '#ws-lesson' },
  { name: 'panic', hash: '#panic-test' },
];

fs.mkdirSync(OUT, { recursive: true });
const server = await serve();
const browser = await launch();
try {
  for (const { dir, suffix } of PAGES) {
    for (const w of WIDTHS) {
      for (const shot of SHOTS.filter((s) => `${w.name}-${s.name}${suffix}`.includes(filter))) {
        const context = await browser.newContext({ viewport: { width: w.width, height: w.height }, deviceScaleFactor: 1 });
        const page = await context.newPage();
        await page.goto(server.url + dir + (shot.hash || ''));
        await page.waitForSelector(shot.name === 'panic' ? '#panic' : '#main');
        if (shot.tab) await page.click(shot.tab);
        if (shot.click) await page.click(shot.click);
        if (shot.open) await page.click(shot.open);
        if (shot.wait) await page.waitForSelector(shot.wait);
        await page.waitForTimeout(150);
        const file = path.join(OUT, `${w.name}-${shot.name}${suffix}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(file);
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
