import ICAL from 'ical.js';
import Papa from 'papaparse';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openApp, type Session } from './harness';

vi.setConfig({ testTimeout: 180_000 });

describe('Export view writes each format into the export folder (Chromium through the preview)', () => {
  let session: Session;
  afterEach(async () => session?.close());

  it('md, html, pdf, ics, the three CSVs and json appear under <userData>/exports and parse', async () => {
    session = await openApp();
    const { page, userDataDir } = session;
    await page.click('[data-view="export"]');
    const folder = join(userDataDir, 'exports');

    /** Clicks one export button and waits for its "saved" notification; returns the path it names. */
    const exportOne = async (kind: string, timeout = 30_000) => {
      await page.locator(`button[data-export="${kind}"]`).click();
      const note = page.locator('.mantine-Notification-root', { hasText: 'saved' }).last();
      await note.waitFor({ timeout });
      const text = (await note.textContent()) ?? '';
      await note
        .locator('button')
        .click()
        .catch(() => undefined);
      await note.waitFor({ state: 'detached', timeout: 5000 }).catch(() => undefined);
      return text;
    };

    // The .ics with options: Sam only, primary layer, 1 h reminder, holidays and investor weeks.
    await page.getByRole('combobox', { name: 'Whose shifts' }).click();
    await page.getByRole('option', { name: 'Sam Okafor' }).click();
    await page.getByRole('combobox', { name: 'Layer' }).click();
    await page.getByRole('option', { name: 'Primary' }).click();
    await page.getByRole('combobox', { name: 'Reminder' }).click();
    await page.getByRole('option', { name: '1 hour before' }).click();
    await page.getByRole('checkbox', { name: 'Investor-report weeks' }).check();
    expect(await exportOne('ics')).toContain(join(folder, 'data-pipeline-coverage-2027-sam-primary.ics'));

    for (const kind of ['md', 'json', 'csv-shifts', 'csv-load', 'csv-ownership', 'html'])
      await exportOne(kind);
    expect(await exportOne('pdf', 120_000)).toContain(join(folder, 'data-pipeline-coverage-2027-report.pdf'));
    // A second export of the same format never overwrites the first.
    expect(await exportOne('json')).toContain(join(folder, 'data-pipeline-coverage-2027 (2).rotaplan.json'));

    expect((await readdir(folder)).sort()).toEqual([
      'data-pipeline-coverage-2027 (2).rotaplan.json',
      'data-pipeline-coverage-2027-load.csv',
      'data-pipeline-coverage-2027-ownership.csv',
      'data-pipeline-coverage-2027-report.html',
      'data-pipeline-coverage-2027-report.pdf',
      'data-pipeline-coverage-2027-sam-primary.ics',
      'data-pipeline-coverage-2027-shifts.csv',
      'data-pipeline-coverage-2027.md',
      'data-pipeline-coverage-2027.rotaplan.json',
    ]);

    const ics = await readFile(join(folder, 'data-pipeline-coverage-2027-sam-primary.ics'), 'utf8');
    const events = new ICAL.Component(ICAL.parse(ics))
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v));
    const shifts = events.filter((e) => !e.startDate.isDate);
    // Sam holds 14 primary weeks in the sample (one swapped in around a holiday).
    expect(shifts.length).toBe(14);
    expect(shifts.every((e) => e.summary === 'On call (Primary): Sam Okafor')).toBe(true);
    expect(events.filter((e) => e.summary === 'Investor-report week').length).toBe(12);
    expect(ics.match(/TRIGGER:-PT1H\r\n/g)!.length).toBe(14);

    const shiftsCsv = Papa.parse<Record<string, string>>(
      await readFile(join(folder, 'data-pipeline-coverage-2027-shifts.csv'), 'utf8'),
      { header: true, skipEmptyLines: true },
    );
    expect(shiftsCsv.data.length).toBe(104);
    expect(shiftsCsv.data[0]).toMatchObject({
      start: '2027-01-04T09:00:00-08:00',
      layer: 'primary',
      member_id: 'maya',
    });
    const load = Papa.parse<Record<string, string>>(
      await readFile(join(folder, 'data-pipeline-coverage-2027-load.csv'), 'utf8'),
      { header: true, skipEmptyLines: true },
    );
    expect(load.data.map((r) => [r.member_id, r.weighted_load])).toEqual([
      ['maya', '4794.25'],
      ['diego', '4592.5'],
      ['priya', '4861.25'],
      ['sam', '5151'],
    ]);
    // Pay is main's (Node's zone rules, as rotaplan pay): Priya in Vancouver is owed 22,475.00, not the 22,484.00
    // this Chromium's zone rules would give.
    expect(load.data.map((r) => [r.member_id, r.pay_amount])).toEqual([
      ['maya', '22426.5'],
      ['diego', '20788'],
      ['priya', '22475'],
      ['sam', '24680'],
    ]);
    const pdf = await readFile(join(folder, 'data-pipeline-coverage-2027-report.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const html = await readFile(join(folder, 'data-pipeline-coverage-2027-report.html'), 'utf8');
    expect(html.match(/<table class="month-table">/g)!.length).toBe(13);
    expect(html.slice(html.indexOf('<section id="pay"'))).toContain('<strong>90,369.50</strong>');
    const json = JSON.parse(
      await readFile(join(folder, 'data-pipeline-coverage-2027.rotaplan.json'), 'utf8'),
    );
    expect(json.meta.name).toBe('Data pipeline coverage 2027');
  });
});
