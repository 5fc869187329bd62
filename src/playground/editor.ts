/**
 * The manifest editor: one tab per file, a plain textarea (the browser's own editing, undo and
 * keyboard handling), a line-number gutter and highlight bands behind the lines that have
 * diagnostics. Lines never wrap, so line N sits at a fixed offset and the marks need no layout pass.
 */
import { byId, fill, h } from './dom.js';
import type { ManifestFile } from './state.js';

export interface LineMark {
  file: string;
  line: number;
  severity: 'error' | 'warning' | 'info';
  message: string;
}

export interface Editor {
  files(): ManifestFile[];
  active(): number;
  setFiles(files: ManifestFile[], active: number): void;
  /** Adds files (replacing those with the same name) and shows the first one added. */
  addFiles(files: ManifestFile[]): void;
  mark(marks: LineMark[]): void;
  /** Shows a file, puts the caret on a line and scrolls it into view. */
  reveal(file: string, line: number, column: number): void;
}

const LINE_HEIGHT = 18; // px, equal to --line in playground.css
const PAD = 6; // px, the textarea's top padding

export function createEditor(onChange: () => void): Editor {
  const tabs = byId<HTMLDivElement>('tabs');
  const source = byId<HTMLTextAreaElement>('source');
  const gutter = byId<HTMLDivElement>('gutter');
  const bands = byId<HTMLDivElement>('bands');
  let files: ManifestFile[] = [];
  let active = 0;
  let marks: LineMark[] = [];

  const severityOf = (line: number): LineMark['severity'] | null => {
    const name = files[active]?.name;
    let worst: LineMark['severity'] | null = null;
    for (const m of marks) {
      if (m.file !== name || m.line !== line) continue;
      if (m.severity === 'error') return 'error';
      if (m.severity === 'warning' || worst === null) worst = m.severity;
    }
    return worst;
  };

  const drawLines = (): void => {
    const count = source.value.split('\n').length;
    const rows: HTMLElement[] = [];
    const bandRows: HTMLElement[] = [];
    for (let line = 1; line <= count; line++) {
      const severity = severityOf(line);
      const title = severity ? marks.filter((m) => m.file === files[active]?.name && m.line === line).map((m) => m.message).join('\n') : undefined;
      rows.push(h('div', { class: severity ? `ln ${severity}` : 'ln', 'data-line': line, title }, line));
      if (severity) {
        const band = h('div', { class: `band ${severity}`, 'data-line': line });
        band.style.top = `${PAD + (line - 1) * LINE_HEIGHT}px`; // CSSOM, not a style attribute: the page's CSP has no 'unsafe-inline'
        bandRows.push(band);
      }
    }
    fill(gutter, ...rows);
    fill(bands, ...bandRows);
    syncScroll();
  };

  const syncScroll = (): void => {
    gutter.scrollTop = source.scrollTop;
    bands.style.transform = `translate(${-source.scrollLeft}px, ${-source.scrollTop}px)`;
  };

  const drawTabs = (): void => {
    fill(
      tabs,
      ...files.map((f, i) => {
        const errors = marks.some((m) => m.file === f.name && m.severity === 'error');
        return h(
          'span',
          { class: i === active ? 'tab active' : 'tab' },
          h('button', { type: 'button', role: 'tab', 'aria-selected': String(i === active), class: errors ? 'has-error' : null, onclick: () => show(i) }, f.name),
          h('button', { type: 'button', class: 'close', 'aria-label': `close ${f.name}`, title: `close ${f.name}`, onclick: () => remove(i) }, '×'),
        );
      }),
      h('button', { type: 'button', class: 'tab-add', title: 'new file', 'aria-label': 'new file', onclick: () => addFiles([{ name: freshName(), text: '' }]) }, '+'),
    );
  };

  const show = (i: number): void => {
    active = Math.max(0, Math.min(i, files.length - 1));
    source.value = files[active]?.text ?? '';
    source.disabled = files.length === 0;
    source.scrollTop = 0;
    drawTabs();
    drawLines();
  };

  const remove = (i: number): void => {
    files.splice(i, 1);
    show(Math.min(active, files.length - 1));
    onChange();
  };

  const freshName = (): string => {
    for (let n = 1; ; n++) {
      const name = `file-${n}.yaml`;
      if (!files.some((f) => f.name === name)) return name;
    }
  };

  const addFiles = (added: ManifestFile[]): void => {
    if (added.length === 0) return;
    for (const f of added) {
      const at = files.findIndex((g) => g.name === f.name);
      if (at >= 0) files[at] = f;
      else files.push(f);
    }
    show(files.findIndex((f) => f.name === added[0]!.name));
    onChange();
  };

  source.addEventListener('input', () => {
    const f = files[active];
    if (!f) return;
    f.text = source.value;
    drawLines();
    onChange();
  });
  source.addEventListener('scroll', syncScroll);
  // Tab inserts two spaces (YAML has no tabs); Escape then Tab leaves the editor, as in other code editors.
  let escaped = false;
  source.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') escaped = true;
    else if (e.key === 'Tab' && !e.shiftKey && !escaped && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      source.setRangeText('  ', source.selectionStart, source.selectionEnd, 'end');
      source.dispatchEvent(new Event('input'));
    } else escaped = false;
  });
  const drop = byId<HTMLElement>('editor');
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('dropping');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('dropping'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('dropping');
    void readFiles(e.dataTransfer?.files).then(addFiles);
  });
  const picker = byId<HTMLInputElement>('open-files');
  picker.addEventListener('change', () => void readFiles(picker.files).then((f) => { picker.value = ''; addFiles(f); }));

  return {
    files: () => files.map((f) => ({ ...f })),
    active: () => active,
    setFiles(next, at) {
      files = next.map((f) => ({ ...f }));
      marks = [];
      show(at);
    },
    addFiles,
    mark(next) {
      marks = next;
      drawTabs();
      drawLines();
    },
    reveal(file, line, column) {
      const i = files.findIndex((f) => f.name === file);
      if (i < 0) return;
      if (i !== active) show(i);
      const lines = source.value.split('\n');
      let offset = 0;
      for (let l = 0; l < line - 1 && l < lines.length; l++) offset += lines[l]!.length + 1;
      offset += Math.max(0, Math.min(column - 1, lines[line - 1]?.length ?? 0));
      source.focus();
      source.setSelectionRange(offset, offset);
      source.scrollTop = Math.max(0, (line - 3) * LINE_HEIGHT);
      syncScroll();
    },
  };
}

async function readFiles(list: FileList | null | undefined): Promise<ManifestFile[]> {
  if (!list) return [];
  return Promise.all(Array.from(list).map(async (f) => ({ name: f.name, text: await f.text() })));
}
