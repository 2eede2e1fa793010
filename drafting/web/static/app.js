// The form of `drafting serve`. The agreement is one JSON object mirroring the input model
// (drafting/model.py); the form is drawn from it and writes back into it, and every change is
// POSTed for a preview. The DOM is built with createElement and textContent only: nothing the
// drafter types (or the registry holds) is ever parsed as HTML here. The preview is pandoc's page
// from the server, shown in a sandboxed frame where no script can run.
'use strict';

(() => {
  const $ = (id) => document.getElementById(id);
  // origin: where the form came from in the registry, so that saving updates that entry ({id}) or
  // registers the renewal of that one ({renewOf}); null: saving adds a new entry.
  // english: the English text of a bilingual naskah, kept aside while another kind is chosen.
  // touched: the fields the drafter has changed or left; a problem is shown beside its field only
  // once that field is touched, or all of them once a download or save is asked for (showAll), so
  // that a blank form does not open in red.
  const state = { data: {}, meta: null, seq: 0, timer: 0, origin: null, english: null, touched: new Set(),
    showAll: false, problems: [] };
  const DEBOUNCE_MS = 300;
  const blank = () => ({ kind: 'perjanjian_kerja_sama', parties: [{}, {}] });

  // ---- DOM helpers ---------------------------------------------------------------------------
  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'text') node.textContent = v;
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else if (v === true) node.setAttribute(k, '');
      else if (v !== false && v != null) node.setAttribute(k, String(v));
    }
    for (const c of children) if (c != null) node.append(c);
    return node;
  }
  const button = (text, onclick, title) => el('button', { type: 'button', text, title, onclick, disabled: !onclick });
  const pathOf = (base, key) => (typeof key === 'number' ? `${base}[${key}]` : base ? `${base}.${key}` : key);
  const idOf = (path) => 'f-' + path.replace(/[^A-Za-z0-9]+/g, '-');

  // A "getter" returns the object that holds a field; get(true) creates it (and its parents) first,
  // so that untouched parts of the form add nothing to the agreement.
  const rootGet = () => state.data;
  const childGet = (get, key) => (create) => {
    const parent = get(create);
    if (!parent) return null;
    if (parent[key] == null && create) parent[key] = {};
    return parent[key] ?? null;
  };

  function setValue(get, key, value) {
    if (value === undefined) {
      const holder = get(false);
      if (Array.isArray(holder)) holder[key] = '';
      else if (holder) delete holder[key];
    } else {
      get(true)[key] = value;
    }
    changed();
  }
  const current = (get, key) => { const holder = get(false); return holder ? holder[key] : undefined; };

  // "parties[0].name" is required when the model requires "parties[].name" (meta.required).
  const marked = (path, label) => (state.meta.required.includes(path.replace(/\[\d+\]/g, '[]')) ? `${label} *` : label);

  function wrap(path, label, control, cls = '') {
    control.id = idOf(path);
    return el('div', { class: `field ${cls}`.trim(), 'data-path': path },
      el('label', { for: control.id, text: marked(path, label) }), control, el('p', { class: 'error' }));
  }

  // ---- dates in Indonesian ------------------------------------------------------------------------
  const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September',
    'Oktober', 'November', 'Desember'];
  const isIso = (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
  const pad = (n) => String(n).padStart(2, '0');
  function showDate(v) {
    if (!isIso(v)) return v == null ? '' : String(v);
    const [y, m, d] = v.split('-').map(Number);
    return `${d} ${MONTHS[m - 1]} ${y}`;
  }
  function readDate(text) {
    const t = text.trim();
    if (!t) return undefined;
    let m = t.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/);
    let y; let mo; let d;
    if (m) [, y, mo, d] = m.map(Number);
    else if ((m = t.match(/^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/))) [, d, mo, y] = m.map(Number);
    else if ((m = t.match(/^(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})$/))) {
      const i = MONTHS.findIndex((name) => name.toLowerCase().startsWith(m[2].toLowerCase().slice(0, 3)));
      if (i < 0) return t;
      [d, mo, y] = [Number(m[1]), i + 1, Number(m[3])];
    } else return t;
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return t;
    return `${y}-${pad(mo)}-${pad(d)}`;
  }

  // ---- the English text of a bilingual naskah ----------------------------------------------------
  // `english` mirrors the input (model.English): the English of "scope[2]" is "english.scope[2]",
  // lists line up with their Indonesian lists by index. The server says which kinds are bilingual
  // and which fields have an English text (meta.bilingual, meta.english); each such text field
  // gets an English input beside it.
  const isObject = (v) => v !== null && typeof v === 'object';
  const bilingual = () => state.meta.bilingual.includes(state.data.kind);
  const monolingual = () => !bilingual();
  // Kerja Sama luar negeri as drafting check tells it (meta.foreign): a foreign kind, or a partner
  // of a foreign type.
  const foreignCooperation = () => state.meta.foreign.kinds.includes(state.data.kind)
    || (state.data.parties || []).some((p) => state.meta.foreign.mitra_types.includes(p?.mitra_type));
  const stepsOf = (path) => [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] != null ? Number(m[2]) : m[1]));
  function englishOf(path) {
    // A sub-item is translated as its item is: "scope[].items[].text" as "scope[].text".
    const field = path.replace(/\[\d+\]/g, '[]').replace(/\[\](\.items\[\])+/g, '[]');
    return bilingual() && state.meta.english.includes(field) ? `english.${path}` : null;
  }

  // An English list shorter than the index being written is padded with empty texts ({} where
  // the Indonesian item is an object): the server reports them as not yet translated.
  function padTo(theirs, length, ours) {
    if (!Array.isArray(theirs) || typeof length !== 'number') return;
    while (theirs.length < length) theirs.push(isObject(ours?.[theirs.length]) ? {} : '');
  }

  // The getter (see rootGet) of the English counterpart of the holder at `base`; without `key`,
  // of the value at `base` itself.
  function englishGet(base, key) {
    const steps = stepsOf(base);
    return (create) => {
      if (state.data.english == null) { if (!create) return null; state.data.english = {}; }
      let ours = state.data;
      let theirs = state.data.english;
      for (const step of steps) {
        const next = ours?.[step];
        if (create) {
          padTo(theirs, step, ours);
          if (!isObject(theirs[step])) theirs[step] = Array.isArray(next) ? [] : theirs[step] ? { text: theirs[step] } : {};
        }
        ours = next;
        theirs = theirs[step];
        if (!isObject(theirs)) return null;
      }
      if (create) padTo(theirs, key, ours);
      return theirs;
    };
  }

  // After an item gains or loses its sub-items, its English text takes the same shape.
  function alignItem(path, arr, i) {
    const en = englishGet(path)(false);
    if (!Array.isArray(en) || en[i] == null) return;
    if (isObject(arr[i]) && !isObject(en[i])) en[i] = en[i] ? { text: en[i] } : {};
    else if (!isObject(arr[i]) && isObject(en[i])) en[i] = en[i].text ?? '';
  }

  // A naskah in Indonesian only refuses an English text: it is kept aside while such a kind is
  // chosen, and comes back with a bilingual one.
  function kindChanged() {
    if (bilingual() && state.english) {
      state.data.english ??= state.english;
      state.english = null;
    } else if (!bilingual() && state.data.english) {
      state.english = state.data.english;
      delete state.data.english;
    }
  }

  // A field of some naskah only (spec.only: bilingual, monolingual, foreignCooperation) is drawn
  // for another only while the input has it, so that it can be seen and removed.
  const shown = (spec, get) => !spec.only || spec.only() || current(get, spec.key) != null;

  // ---- field kinds -----------------------------------------------------------------------------
  function textInput(spec, get) {
    const input = spec.long ? el('textarea', { rows: 2 }) : el('input', { type: 'text' });
    const v = current(get, spec.key);
    input.value = v == null || isObject(v) ? '' : String(v);
    input.addEventListener('input', () => setValue(get, spec.key, input.value === '' ? undefined : input.value));
    return input;
  }

  function textField(spec, get, base) {
    const path = pathOf(base, spec.key);
    const field = wrap(path, spec.label, textInput(spec, get));
    const english = englishOf(path);
    return english ? el('div', { class: 'pair' }, field,
      wrap(english, 'English', textInput(spec, englishGet(base, spec.key)), 'english')) : field;
  }

  function intField(spec, get, base) {
    const input = el('input', { type: 'number', min: 1, step: 1 });
    const v = current(get, spec.key);
    input.value = v == null ? '' : String(v);
    input.addEventListener('input', () => {
      const s = input.value.trim();
      // Not a whole number: sent as typed, so that the server names the problem.
      setValue(get, spec.key, s === '' ? undefined : /^-?\d+$/.test(s) ? Number(s) : s);
    });
    return wrap(pathOf(base, spec.key), spec.label, input);
  }

  // Dates are typed as Indonesians write them (19 Juni 2023, 19-06-2023, 19/6/2023), not in the
  // browser's locale (a date input in an English browser asks mm/dd/yyyy); the input holds
  // TTTT-BB-HH. What cannot be read as a date is sent as typed, so that the server names it.
  function dateField(spec, get, base) {
    const input = el('input', { type: 'text', inputmode: 'numeric', placeholder: 'mis. 19 Juni 2023 atau 19-06-2023',
      class: 'date' });
    input.value = showDate(current(get, spec.key));
    input.addEventListener('input', () => setValue(get, spec.key, readDate(input.value)));
    input.addEventListener('change', () => { const iso = readDate(input.value); if (isIso(iso)) input.value = showDate(iso); });
    return wrap(pathOf(base, spec.key), spec.label, input);
  }

  function boolField(spec, get, base) {
    const input = el('input', { type: 'checkbox' });
    input.checked = current(get, spec.key) ?? spec.default;
    input.addEventListener('change', () => setValue(get, spec.key, input.checked));
    const path = pathOf(base, spec.key);
    input.id = idOf(path);
    return el('div', { class: 'field bool', 'data-path': path }, input, ' ',
      el('label', { for: input.id, text: spec.label }), el('p', { class: 'error' }));
  }

  function selectField(spec, get, base) {
    const select = el('select');
    select.append(el('option', { value: '', text: spec.placeholder || '— pilih —' }));
    for (const [value, label] of spec.options()) select.append(el('option', { value, text: label }));
    const v = current(get, spec.key);
    select.value = v == null ? '' : String(v);
    select.addEventListener('change', () => {
      const s = select.value;
      setValue(get, spec.key, s === '' ? undefined : spec.int ? Number(s) : s);
      spec.changed?.();
      if (spec.redraw) draw();
    });
    return wrap(pathOf(base, spec.key), spec.label, select);
  }

  function groupField(spec, get, base) {
    const path = pathOf(base, spec.key);
    const box = el('fieldset', { 'data-path': path }, el('legend', { text: marked(path, spec.label) }),
      el('p', { class: 'error' }));
    const present = current(get, spec.key) != null;
    if (spec.optional && !present) {
      box.append(button(`+ Tambahkan ${spec.label.toLowerCase()}`, () => { get(true)[spec.key] = {}; draw(); changed(); }));
      return box;
    }
    if (spec.optional) {
      box.append(button(`Hapus ${spec.label.toLowerCase()}`, () => { delete get(false)[spec.key]; draw(); changed(); }));
    }
    fields(box, spec.fields, childGet(get, spec.key), path);
    return box;
  }

  // `path`: the list's; its English list, if any, moves with it item by item.
  function moveTools(arr, i, onEmpty, path) {
    const lists = () => {
      const en = englishGet(path)(false);
      padTo(en, arr.length, arr);
      return Array.isArray(en) ? [arr, en] : [arr];
    };
    const move = (d) => () => { for (const a of lists()) [a[i], a[i + d]] = [a[i + d], a[i]]; draw(); changed(); };
    const remove = () => { for (const a of lists()) a.splice(i, 1); if (!arr.length) onEmpty(); draw(); changed(); };
    return el('span', { class: 'tools' },
      button('↑', i > 0 ? move(-1) : null, 'naikkan'),
      button('↓', i < arr.length - 1 ? move(1) : null, 'turunkan'),
      button('✕', remove, 'hapus'));
  }

  // A list of texts, or of objects when `spec.of` is a list of fields; with `spec.orText` (the
  // legal basis: a regulation as data, or as the text an older input wrote), each item as it is.
  function listField(spec, get, base) {
    const path = pathOf(base, spec.key);
    const arr = current(get, spec.key) || [];
    const onEmpty = () => delete get(false)[spec.key];
    const box = el('fieldset', { 'data-path': path }, el('legend', { text: marked(path, spec.label) }),
      el('p', { class: 'error' }));
    arr.forEach((item, i) => {
      if (Array.isArray(spec.of) && (!spec.orText || isObject(item))) {
        const entry = el('fieldset', { 'data-path': pathOf(path, i) },
          el('legend', { text: spec.itemLabel(i) }), moveTools(arr, i, onEmpty, path), el('p', { class: 'error' }));
        fields(entry, spec.of, () => arr[i], pathOf(path, i));
        box.append(entry);
      } else {
        const label = spec.itemLabel ? spec.itemLabel(i) : `Butir ${i + 1}`;
        box.append(el('div', { class: 'row' }, textField({ key: i, label, long: spec.long }, () => arr, path),
          moveTools(arr, i, onEmpty, path)));
      }
    });
    const add = (make) => () => { (get(true)[spec.key] ||= []).push(make()); draw(); changed(); };
    box.append(button(`+ Tambah ${spec.add}`, add(spec.make)));
    if (spec.orText) box.append(button(`+ Tambah ${spec.orText}`, add(() => '')));
    return box;
  }

  // List items of the model's `Item`: a text, or {text, items} when it has sub-items.
  function itemRows(arr, path, onEmpty, depth) {
    const box = el('div', { class: depth ? 'children' : '' });
    arr.forEach((item, i) => {
      const nested = typeof item === 'object' && item !== null;
      const label = `${depth ? 'Sub-butir' : 'Butir'} ${i + 1}`;
      const text = nested ? textField({ key: 'text', label }, () => arr[i], pathOf(path, i))
        : textField({ key: i, label }, () => arr, path);
      const addSub = () => {
        if (!nested) arr[i] = { text: item, items: [] };
        arr[i].items.push('');
        alignItem(path, arr, i);
        draw(); changed();
      };
      box.append(el('div', { class: 'row' }, text, moveTools(arr, i, onEmpty, path), button('+ sub', addSub, 'tambah sub-butir')));
      if (nested && item.items) {
        const flatten = () => { arr[i] = item.text ?? ''; alignItem(path, arr, i); };
        box.append(itemRows(item.items, pathOf(pathOf(path, i), 'items'), flatten, depth + 1));
      }
    });
    return box;
  }

  function itemsField(spec, get, base) {
    const path = pathOf(base, spec.key);
    const arr = current(get, spec.key) || [];
    const box = el('fieldset', { 'data-path': path }, el('legend', { text: spec.label }), el('p', { class: 'error' }));
    box.append(itemRows(arr, path, () => delete get(false)[spec.key], 0));
    box.append(button('+ Tambah butir', () => { (get(true)[spec.key] ||= []).push(''); draw(); changed(); }));
    return box;
  }

  // One field per party (document numbers, pejabat penghubung), kept where the naskah has them.
  function perPartyField(spec) {
    const box = el('div');
    (state.data.parties || []).forEach((_, i) => {
      const get = () => state.data.parties[i];
      box.append(textField({ key: spec.key, label: `${spec.label} — ${partyName(i)}`, long: spec.long }, get, `parties[${i}]`));
    });
    return box;
  }

  function clausesField() {
    const box = el('fieldset', { 'data-path': 'clauses' }, el('legend', { text: 'Klausul yang dipakai dan variannya' }),
      el('p', { class: 'error' }));
    const choice = () => (state.data.clauses ||= {});
    const tidy = () => {
      const c = state.data.clauses;
      if (c && !c.exclude?.length) delete c.exclude;
      if (c && c.variants && !Object.keys(c.variants).length) delete c.variants;
      if (c && !Object.keys(c).length) delete state.data.clauses;
    };
    for (const clause of state.meta.clauses[state.data.kind] || []) {
      const excluded = (state.data.clauses?.exclude || []).includes(clause.id);
      const use = el('input', { type: 'checkbox', id: idOf(`clause-${clause.id}`), disabled: clause.required });
      use.checked = !excluded;
      use.addEventListener('change', () => {
        const list = (choice().exclude ||= []).filter((id) => id !== clause.id);
        if (!use.checked) list.push(clause.id);
        choice().exclude = list;
        tidy(); changed();
      });
      const row = el('div', { class: 'field bool', title: clause.summary }, use, ' ',
        el('label', { for: use.id, text: `${clause.title}${clause.required ? ' (wajib)' : ''}` }));
      if (clause.variants.length > 1) {
        const select = el('select', { 'aria-label': `varian ${clause.title}` });
        for (const v of clause.variants) select.append(el('option', { value: v, text: v }));
        select.value = state.data.clauses?.variants?.[clause.id] || 'default';
        select.addEventListener('change', () => {
          const variants = (choice().variants ||= {});
          if (select.value === 'default') delete variants[clause.id]; else variants[clause.id] = select.value;
          tidy(); changed();
        });
        row.append(' varian: ', select);
      }
      box.append(row);
    }
    return box;
  }

  const STYLE_LABELS = {
    party_label: 'Sebutan pihak (PIHAK PERTAMA atau PIHAK KESATU)',
    opening_case: 'Huruf kalimat pembuka',
    opening_digits: 'Tanggal pembuka juga dengan angka',
    opening_place: 'Tempat penandatanganan di kalimat pembuka',
    opening_commas: 'Koma di antara hari, tanggal, bulan, dan tahun',
    jumat: 'Ejaan hari Jumat',
    party_block: 'Bentuk identitas para pihak',
    yang_berkedudukan: "'yang berkedudukan' (bukan 'berkedudukan')",
    yang_selanjutnya: "'yang selanjutnya disebut' (bukan 'selanjutnya disebut')",
    numbers_place: 'Letak nomor naskah pada judul',
    title_date: "Baris 'Tanggal' pada judul",
    numbers: 'Nomor naskah',
    list_levels: 'Urutan label daftar',
    paper: 'Ukuran kertas',
    paraf: 'Kotak paraf di kaki halaman',
    layout: 'Letak kedua bahasa (columns: berdampingan; sequential: berurutan)',
    english_parties: 'Sebutan para pihak dalam teks bahasa Inggris (the Parties atau the Participants)',
    recital_leads: "Pertimbangan diawali kata kapital ('MENYADARI …'), bukan 'bahwa'",
  };
  // Style options of a bilingual naskah only, or of one in Indonesian only: an MSP has no opening
  // sentence, no komparisi and no PIHAK PERTAMA.
  const STYLE_ONLY = {
    layout: bilingual, english_parties: bilingual, recital_leads: bilingual, party_label: monolingual,
    opening_case: monolingual, opening_digits: monolingual, opening_place: monolingual, opening_commas: monolingual,
    jumat: monolingual, party_block: monolingual, yang_berkedudukan: monolingual, yang_selanjutnya: monolingual,
    numbers_place: monolingual, title_date: monolingual,
  };

  function styleField() {
    // Choices and switches; a style option of another shape (the order of the komparisi lines) is
    // kept as the input has it.
    const specs = Object.entries(state.meta.style).filter(([, prop]) => prop.enum || prop.type === 'boolean')
      .map(([key, prop]) => (prop.enum
        ? { t: 'select', key, label: STYLE_LABELS[key] || key, placeholder: `bawaan (${prop.default})`,
            options: () => prop.enum.map((v) => [v, v]), only: STYLE_ONLY[key] }
        : { t: 'bool', key, label: STYLE_LABELS[key] || key, default: prop.default, only: STYLE_ONLY[key] }));
    const box = el('fieldset', { 'data-path': 'style' }, el('legend', { text: 'Gaya penulisan' }), el('p', { class: 'error' }));
    fields(box, specs, childGet(rootGet, 'style'), 'style');
    return box;
  }

  const KINDS = { perjanjian_kerja_sama: 'Perjanjian Kerja Sama (PKS)', nota_kesepahaman: 'Nota Kesepahaman',
    nota_kesepakatan: 'Nota Kesepakatan', surat_perjanjian: 'Perjanjian (surat perjanjian)',
    memorandum_saling_pengertian: 'Memorandum Saling Pengertian (MSP, dwibahasa)' };
  const PREVAILING = { en: 'naskah bahasa Inggris', id: 'naskah bahasa Indonesia',
    none: 'tidak disebut (semua naskah sama autentiknya)' };
  const OUTCOMES = { naskah_kerja_sama: 'dapat dibuat sebagai naskah kerja sama (MSP)',
    perjanjian_internasional: 'harus melalui perjanjian internasional (UU 24/2000)' };
  const partyName = (i) => {
    const p = (state.data.parties || [])[i] || {};
    return `PIHAK ${i + 1}${p.short_name || p.name ? ` (${p.short_name || p.name})` : ''}`;
  };
  const partyOptions = () => (state.data.parties || []).map((_, i) => [String(i + 1), partyName(i)]);

  const PRIOR = [
    { t: 'text', key: 'tentang', label: 'Tentang', long: true },
    { t: 'list', key: 'numbers', label: 'Nomor (satu per pihak)', add: 'nomor', make: () => '', itemLabel: (i) => `Nomor ${i + 1}` },
    { t: 'date', key: 'date', label: 'Tanggal' },
    { t: 'date', key: 'end_date', label: 'Tanggal berakhir' },
  ];
  const PARTY = [
    { t: 'text', key: 'name', label: 'Nama instansi (sebagaimana ditulis di judul)' },
    { t: 'text', key: 'parent', label: 'Instansi induk (di bawah nama pada judul)' },
    { t: 'text', key: 'short_name', label: 'Nama singkat (dipakai di dalam teks)' },
    // redraw: a foreign partner makes it Kerja Sama luar negeri, whose own fields are then drawn
    { t: 'select', key: 'mitra_type', label: 'Jenis mitra (Permen 8/2025 Pasal 3 dan 9)', redraw: true,
      options: () => state.meta.mitra_types.map((v) => [v, v.replaceAll('_', ' ')]) },
    { t: 'text', key: 'legal_status', label: 'Kedudukan (bahwa PIHAK … adalah …)', long: true, only: monolingual },
    { t: 'text', key: 'address', label: 'Alamat', only: monolingual },
    { t: 'group', key: 'representative', label: 'Penandatangan', fields: [
      { t: 'text', key: 'name', label: 'Nama' },
      { t: 'text', key: 'position', label: 'Jabatan' },
      { t: 'text', key: 'appointment', label: 'Dasar pengangkatan (keputusan)', long: true, only: monolingual },
    ] },
    { t: 'items', key: 'duties', label: 'Tugas dan tanggung jawab', only: monolingual },
    { t: 'bool', key: 'meterai', label: 'Tanda tangan di atas meterai', default: true, only: monolingual },
  ];

  // A regulation cited in the legal basis (model.Regulation), printed as UU 12/2011 cites it.
  const REGULATION = [
    { t: 'text', key: 'jenis', label: 'Jenis (mis. Undang-Undang, Peraturan Menteri Ketenagakerjaan)' },
    { t: 'text', key: 'nomor', label: 'Nomor' },
    { t: 'int', key: 'tahun', label: 'Tahun' },
    { t: 'text', key: 'tentang', label: 'Tentang (tanpa kata "tentang")', long: true },
    { t: 'group', key: 'diundangkan', optional: true, label: 'Tempat pengundangan', fields: [
      { t: 'text', key: 'lembaran', label: 'Lembaran Negara/Berita Negara/Lembaran Daerah, ditulis lengkap' },
      { t: 'int', key: 'tahun', label: 'Tahun' },
      { t: 'text', key: 'nomor', label: 'Nomor (kosong = titik-titik)' },
      { t: 'text', key: 'tambahan', label: 'Nomor Tambahan Lembaran Negara (bila ada)' },
    ] },
  ];

  function form() {
    return [
      ['Naskah', [
        { t: 'select', key: 'kind', label: 'Jenis naskah', redraw: true, changed: kindChanged,
          options: () => state.meta.kinds.map((k) => [k, KINDS[k] || k]) },
        { t: 'text', key: 'tentang', label: 'Tentang (judul, tanpa kata "tentang")', long: true },
        { t: 'perParty', key: 'nomor', label: 'Nomor naskah' },
        { t: 'group', key: 'signing', label: 'Penandatanganan', fields: [
          { t: 'date', key: 'date', label: 'Tanggal' },
          { t: 'text', key: 'place', label: 'Tempat' },
        ] },
        { t: 'bool', key: 'draft', label: 'Draf: yang belum diketahui ditulis titik-titik', default: false },
      ]],
      ['Kerja sama luar negeri', [
        { t: 'group', key: 'foreign', label: 'Unit pelaksana dan koordinasi (Permen 8/2025 Pasal 8 dan 10)', only: foreignCooperation, fields: [
          { t: 'list', key: 'units', label: 'Unit Eselon I pelaksana', add: 'unit', make: () => '', itemLabel: (i) => `Unit ${i + 1}` },
          { t: 'group', key: 'coordination', label: 'Koordinasi dengan Kementerian Luar Negeri', fields: [
            { t: 'text', key: 'record', label: 'Catatan koordinasi (surat atau rapat)', long: true },
            { t: 'date', key: 'date', label: 'Tanggal' },
            { t: 'select', key: 'outcome', label: 'Hasil', placeholder: `bawaan (${OUTCOMES.naskah_kerja_sama})`,
              options: () => state.meta.coordination_outcomes.map((v) => [v, OUTCOMES[v] || v]) },
          ] },
        ] },
        { t: 'select', key: 'prevailing_text', label: 'Teks yang berlaku bila terdapat perbedaan penafsiran', only: bilingual,
          placeholder: `bawaan (${PREVAILING.en})`, options: () => state.meta.prevailing_texts.map((v) => [v, PREVAILING[v] || v]) },
        { t: 'bool', key: 'non_binding', label: 'Tidak menimbulkan hak dan kewajiban yang mengikat secara hukum', default: false, only: bilingual },
      ]],
      ['Para pihak', [
        { t: 'list', key: 'parties', label: 'Para pihak', add: 'pihak', make: () => ({}), itemLabel: partyName, of: PARTY },
      ]],
      ['Dasar dan konsiderans', [
        { t: 'group', key: 'nota_kesepahaman', optional: true, label: 'Nota Kesepahaman yang dilaksanakan', fields: PRIOR, only: monolingual },
        { t: 'text', key: 'technical_basis', label: 'Dasar PKS tanpa Nota Kesepahaman (Permen 8/2025 Pasal 7)', long: true, only: monolingual },
        { t: 'group', key: 'renewal', optional: true, label: 'Naskah yang diperpanjang', fields: [
          { t: 'select', key: 'kind', label: 'Jenis naskah', placeholder: 'bawaan (PKS)',
            options: () => state.meta.kinds.map((k) => [k, KINDS[k] || k]) },
          ...PRIOR,
          { t: 'text', key: 'biro_recommendation', label: 'Rekomendasi Biro Hukum dan Kerja Sama', long: true },
        ] },
        // what "Buat adendum" needs, for an entry opened from the registry
        { t: 'group', key: 'adendum', optional: true, label: 'Adendum (alasan, nomor, tanggal)', only: () => Boolean(state.origin?.id), fields: [
          { t: 'text', key: 'reason', label: 'Alasan perubahan (bahwa …)', long: true },
          { t: 'list', key: 'numbers', label: 'Nomor adendum (satu per pihak)', add: 'nomor', make: () => '',
            itemLabel: (i) => `Nomor ${i + 1}` },
          { t: 'group', key: 'signing', label: 'Penandatanganan adendum', fields: [
            { t: 'date', key: 'date', label: 'Tanggal' },
            { t: 'text', key: 'place', label: 'Tempat' },
          ] },
        ] },
        { t: 'list', key: 'recitals', label: 'Konsiderans tambahan (bahwa …)', add: 'konsiderans', long: true, make: () => '' },
        { t: 'list', key: 'legal_basis', label: 'Dasar hukum', add: 'peraturan', orText: 'dasar hukum sebagai teks',
          long: true, make: () => ({}), itemLabel: (i) => `Dasar hukum ${i + 1}`, only: monolingual, of: [
            ...REGULATION,
            { t: 'group', key: 'perubahan', optional: true, label: 'Perubahan (diubah dengan)', fields: [
              { t: 'bool', key: 'beberapa_kali', label: 'Telah beberapa kali diubah; ini perubahan terakhirnya', default: false },
              ...REGULATION,
            ] },
          ] },
      ]],
      ['Ketentuan umum', [
        { t: 'list', key: 'definitions', label: 'Definisi', add: 'definisi', make: () => ({}), only: monolingual,
          itemLabel: (i) => `Definisi ${i + 1}`, of: [
            { t: 'text', key: 'term', label: 'Istilah' },
            { t: 'text', key: 'abbreviation', label: 'Singkatan' },
            { t: 'text', key: 'meaning', label: 'Pengertian', long: true },
          ] },
      ]],
      ['Maksud, tujuan, dan ruang lingkup', [
        { t: 'group', key: 'purpose', optional: true, label: 'Maksud dan tujuan', fields: [
          { t: 'text', key: 'maksud', label: 'Maksud', long: true },
          { t: 'text', key: 'tujuan', label: 'Tujuan', long: true },
        ] },
        { t: 'items', key: 'scope', label: 'Ruang lingkup' },
        { t: 'items', key: 'forms', label: 'Bentuk kerja sama', only: bilingual },
        { t: 'list', key: 'capacity_building', label: 'Peningkatan kapasitas', add: 'butir', make: () => '', only: monolingual },
      ]],
      ['Pertukaran data', [
        { t: 'group', key: 'data_exchange', optional: true, label: 'Pertukaran data', only: monolingual, fields: [
          { t: 'text', key: 'mechanism', label: 'Mekanisme', long: true },
          { t: 'group', key: 'network', optional: true, label: 'Jaringan komunikasi data', fields: [
            { t: 'select', key: 'provider', int: true, label: 'Penyedia jaringan', options: partyOptions },
            { t: 'text', key: 'technology', label: 'Teknologi' },
          ] },
          { t: 'list', key: 'flows', label: 'Arah pertukaran', add: 'arah', make: () => ({ items: [''] }),
            itemLabel: (i) => `Arah ${i + 1}`, of: [
              { t: 'select', key: 'receiver', int: true, label: 'Penerima', options: partyOptions },
              { t: 'select', key: 'provider', int: true, label: 'Pemberi', options: partyOptions },
              { t: 'text', key: 'data', label: 'Yang diterima (kosong = "data")' },
              { t: 'items', key: 'items', label: 'Rincian data' },
            ] },
        ] },
      ]],
      ['Pejabat penghubung', [{ t: 'perParty', key: 'pejabat_penghubung', label: 'Pejabat penghubung' }]],
      ['Pembiayaan', [{ t: 'text', key: 'financing', label: 'Kalimat tambahan tentang pembiayaan', long: true }]],
      ['Hak kekayaan intelektual', [
        { t: 'group', key: 'intellectual_property', optional: true, label: 'Pasal hak kekayaan intelektual', fields: [
          { t: 'select', key: 'owner', int: true, label: 'Pemilik (kosong = milik bersama para pihak)', options: partyOptions,
            only: monolingual },
          { t: 'items', key: 'results', label: 'Hasil yang dapat dilindungi', only: monolingual },
        ] },
      ]],
      ['Jangka waktu', [
        { t: 'group', key: 'term', optional: true, label: 'Jangka waktu', fields: [
          { t: 'date', key: 'start', label: 'Mulai (kosong = sejak ditandatangani)' },
          { t: 'date', key: 'end', label: 'Berakhir' },
          { t: 'int', key: 'years', label: 'Atau lama (tahun)' },
          { t: 'int', key: 'notice_months', label: 'Pemberitahuan sebelum berakhir (bulan; bawaan 3)' },
        ] },
      ]],
      ['Pemantauan dan evaluasi', [
        { t: 'group', key: 'monitoring', optional: true, label: 'Pemantauan dan evaluasi', only: monolingual, fields: [
          { t: 'int', key: 'times', label: 'Paling sedikit … kali' },
          { t: 'int', key: 'per_years', label: '… dalam … tahun' },
          { t: 'int', key: 'report_months', label: 'Laporan berkala setiap … bulan' },
        ] },
      ]],
      ['Penutup', [
        { t: 'int', key: 'originals', label: 'Rangkap (kosong = sebanyak pihak)' },
        { t: 'list', key: 'extra_pasal', label: 'Pasal tambahan', add: 'pasal', make: () => ({ paragraphs: [''] }),
          itemLabel: (i) => `Pasal tambahan ${i + 1}`, of: [
            { t: 'text', key: 'title', label: 'Judul pasal' },
            { t: 'select', key: 'after', label: 'Sesudah pasal', placeholder: 'sebelum ketentuan penutup',
              options: () => (state.meta.clauses[state.data.kind] || []).map((c) => [c.id, c.title]) },
            { t: 'list', key: 'paragraphs', label: 'Ayat', add: 'ayat', long: true, make: () => '', itemLabel: (i) => `Ayat ${i + 1}` },
          ] },
      ]],
      ['Pilihan klausul', [{ t: 'clauses' }]],
      ['Gaya penulisan', [{ t: 'style' }]],
    ];
  }

  const KIND_OF_FIELD = {
    text: textField, int: intField, date: dateField, bool: boolField, select: selectField, group: groupField,
    list: listField, items: itemsField, perParty: perPartyField, clauses: clausesField, style: styleField,
  };
  function fields(container, specs, get, base) {
    for (const spec of specs) if (shown(spec, get)) container.append(KIND_OF_FIELD[spec.t](spec, get, base));
  }

  function draw() {
    const formEl = $('form');
    const y = formEl.scrollTop;
    formEl.classList.toggle('bilingual', bilingual()); // wider: two columns of inputs
    formEl.replaceChildren(el('p', { class: 'hint', text: 'Isian bertanda * wajib diisi. Pratinjau diperbarui selagi Anda mengetik.' }));
    for (const [title, specs] of form()) {
      if (!specs.some((spec) => shown(spec, rootGet))) continue;
      formEl.append(el('h2', { class: 'section', text: title }));
      fields(formEl, specs, rootGet, '');
    }
    formEl.scrollTop = y;
  }

  // ---- problems, shown beside their field and listed above the preview --------------------------
  function fieldFor(path) {
    // "parties[0].representative.name" → that field; a path with no field of its own (a whole
    // group, or a list item) → the nearest enclosing one.
    let p = path;
    while (p) {
      const node = $('form').querySelector(`[data-path="${CSS.escape(p)}"]`);
      if (node) return node;
      const up = p.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
      p = up === p ? '' : up;
    }
    // An English text with no input of its own (a list longer than its original): at the original.
    return path.startsWith('english.') ? fieldFor(path.slice('english.'.length)) : null;
  }

  // A problem is shown once its field (or the field that holds it) has been touched, or all once
  // the drafter has asked for a file.
  const touchedPath = (path) => [...state.touched].some((t) => path === t || path.startsWith(`${t}.`) || path.startsWith(`${t}[`));
  function showProblems(problems) {
    state.problems = problems;
    for (const node of $('form').querySelectorAll('.error')) node.replaceChildren();
    for (const node of $('form').querySelectorAll('.invalid')) node.classList.remove('invalid');
    const list = $('problem-list');
    list.replaceChildren();
    const shown = state.showAll ? problems : problems.filter((p) => touchedPath(p.path || ''));
    for (const p of shown) {
      const where = (p.path || '(naskah)') + (p.line ? ` (baris ${p.line})` : '');
      const target = fieldFor(p.path);
      const item = el('li', {}, target
        ? el('a', { text: `${where}: ${p.message}`, onclick: () => { target.scrollIntoView({ block: 'center' }); target.querySelector('input,select,textarea')?.focus(); } })
        : `${where}: ${p.message}`);
      list.append(item);
      if (target) {
        target.classList.add('invalid');
        target.querySelector(':scope > .error').append(el('div', { text: p.message }));
      }
    }
    $('problems').hidden = !shown.length;
    return shown.length;
  }

  // Findings of `drafting check`: one placed in a Pasal links to its heading in the preview (the
  // heading's id is the clause id), one placed at a field path to that field of the form.
  function showFindings(findings) {
    const list = $('finding-list');
    list.replaceChildren();
    for (const f of findings) {
      const field = f.anchor ? null : fieldFor(f.place);
      const go = f.anchor
        ? () => $('preview').contentDocument.getElementById(f.anchor)?.scrollIntoView()
        : field && (() => { field.scrollIntoView({ block: 'center' }); field.querySelector('input,select,textarea')?.focus(); });
      list.append(el('li', { class: `severity-${f.severity}` }, go ? el('a', { text: f.text, onclick: go }) : f.text));
    }
    $('findings').hidden = !findings.length;
  }

  // ---- server ------------------------------------------------------------------------------
  const post = (url, body) => fetch(url, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  const status = (text) => { $('status').textContent = text; };
  const problemsOf = async (res) => {
    const body = await res.json().catch(() => ({}));
    return body.problems || [{ path: '', message: body.detail || `${res.status} ${res.statusText}` }];
  };

  function changed() {
    clearTimeout(state.timer);
    state.seq++; // a preview still on its way is of older input: drop it
    status('menunggu …');
    state.timer = setTimeout(refresh, DEBOUNCE_MS);
  }

  async function refresh() {
    const seq = ++state.seq;
    const res = await post('/api/preview', state.data);
    if (seq !== state.seq) return; // a newer change is on its way
    if (res.ok) {
      const body = await res.json();
      if (body.html !== null) await showPreview(body.html); else $('preview').classList.add('stale');
      // Findings link into the preview and the status says it is current: both only once the
      // frame shows this document, not the one it is replacing.
      if (seq !== state.seq) return;
      showProblems([]);
      showFindings(body.findings);
      status(`Pratinjau diperbarui (${body.ms} ms di server)`);
    } else {
      const problems = await problemsOf(res);
      if (seq !== state.seq) return;
      $('preview').classList.add('stale');
      showFindings([]);
      const shown = showProblems(problems);
      status(shown ? 'Isian belum lengkap: pratinjau terakhir tetap ditampilkan'
        : `Isian belum lengkap: ${problems.length} isian wajib belum diisi (pratinjau menunggu)`);
    }
  }

  // ---- the paged preview ---------------------------------------------------------------------------
  // The server's page is one column of the naskah's blocks; here it is laid out on paper pages as
  // the DOCX is: the paper and margins of the house style (body data-geometry, in cm), the text in
  // its font with a line height 1.15 of the font's own, paragraphs split between lines (never
  // leaving a single line behind or alone), headings kept with what follows, the signature page
  // from a new page (data-closing), '- 2 -' at the top from page 2, and the paraf box of each party
  // (data-paraf) at the foot of every page but the signature pages. The frame runs no script: this
  // page arranges the frame's document.
  const KEEP_WITH_NEXT = 'h1, h2, .Nomor, .PasalJudul';
  const PAGE_CSS = `
    html { background: #8a9099; }
    body { margin: 0; padding: 12px 0; }
    .page { position: relative; margin: 0 auto 12px; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.4); overflow: hidden; }
    .page-area { position: absolute; }
    .page-number { position: absolute; left: 0; right: 0; text-align: center; }
    .paraf { position: absolute; border-collapse: collapse; font-size: 8pt; line-height: 1; text-align: center; }
    .paraf td { border: 1px solid #000; padding: 1pt 2pt; vertical-align: top; }`;

  function lineBoxes(node, top) {
    // The line boxes of a block: the distinct tops of its text's rectangles, relative to `top`.
    const range = node.ownerDocument.createRange();
    const walker = node.ownerDocument.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    const lines = [];
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      if (!t.data.trim()) continue;
      range.selectNodeContents(t);
      for (const r of range.getClientRects()) {
        if (!r.height) continue;
        const last = lines[lines.length - 1];
        if (last && r.top < last.bottom - 2) last.bottom = Math.max(last.bottom, r.bottom - top);
        else lines.push({ top: r.top - top, bottom: r.bottom - top });
      }
    }
    return lines;
  }

  // The block split before its line `n`: the part after the split is returned, the block keeps the rest.
  function splitBlock(block, n) {
    const doc = block.ownerDocument;
    const top = block.getBoundingClientRect().top;
    const lines = lineBoxes(block, top);
    const y = lines[n].top;
    const walker = doc.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    const range = doc.createRange();
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      for (let i = 0; i < t.data.length; i++) {
        range.setStart(t, i); range.setEnd(t, i + 1);
        const r = range.getBoundingClientRect();
        if (r.height && r.top - top >= y - 1) {
          const rest = doc.createRange();
          rest.setStart(t, i);
          rest.setEndAfter(block.lastChild);
          const part = block.cloneNode(false);
          part.removeAttribute('id');
          part.append(rest.extractContents());
          part.classList.add('cont');
          block.classList.add('split');
          return part;
        }
      }
    }
    return null;
  }

  function paginate(doc) {
    const body = doc.body;
    if (!body.dataset.geometry || body.querySelector('.page')) return;
    const g = JSON.parse(body.dataset.geometry);
    const px = 96 / 2.54;
    const cm = (v) => `${v}cm`;
    const style = doc.createElement('style');
    style.textContent = PAGE_CSS;
    doc.head.append(style);
    // the line height: 1.15 of the font's own, as Word and LibreOffice space 'multiple 1.15'
    const probe = doc.createElement('p');
    probe.textContent = 'Pasal';
    probe.style.lineHeight = 'normal';
    body.prepend(probe);
    const lineHeight = probe.getBoundingClientRect().height * 1.15;
    probe.remove();
    body.style.lineHeight = `${lineHeight}px`;

    const blocks = [...body.children];
    const closing = body.dataset.closing ? doc.getElementById(body.dataset.closing) : null;
    const closingBlock = closing && blocks.find((b) => b === closing || b.contains(closing));
    const paraf = body.dataset.paraf ? body.dataset.paraf.split('\n') : [];
    const areaHeight = (g.height - g.top - g.bottom) * px;
    const pages = [];
    let area;
    const newPage = (signing) => {
      const page = doc.createElement('section');
      page.className = 'page';
      Object.assign(page.style, { width: cm(g.width), height: cm(g.height) });
      area = doc.createElement('div');
      area.className = 'page-area';
      Object.assign(area.style, { top: cm(g.top), left: cm(g.left), width: cm(g.width - g.left - g.right) });
      page.append(area);
      page.dataset.signing = signing ? 'true' : '';
      pages.push(page);
      body.append(page);
    };
    const overflows = () => area.scrollHeight > areaHeight + 0.5;
    newPage(false);
    let signing = false;
    for (const block of blocks) {
      if (block === closingBlock) { signing = true; if (area.children.length) newPage(true); else pages[pages.length - 1].dataset.signing = 'true'; }
      let current = block;
      area.append(current);
      while (overflows()) {
        const top = area.getBoundingClientRect().top;
        const lines = lineBoxes(current, current.getBoundingClientRect().top);
        const room = areaHeight - (current.getBoundingClientRect().top - top);
        const fit = lines.filter((l) => l.bottom <= room).length;
        if (current.tagName === 'TABLE') { // a table (the two texts side by side) breaks between its rows
          const rows = [...current.rows];
          const first = rows.findIndex((r) => r.getBoundingClientRect().bottom - top > areaHeight);
          if (first >= 1) {
            const rest = current.cloneNode(false);
            const tbody = doc.createElement('tbody');
            tbody.append(...rows.slice(first));
            rest.append(tbody);
            newPage(signing);
            area.append(rest);
            current = rest;
            continue;
          }
        } else if (!current.matches(KEEP_WITH_NEXT) && Math.min(fit, lines.length - 2) >= 2) {
          // at least two lines stay and two go: a line more to the next page rather than one alone
          const rest = splitBlock(current, Math.min(fit, lines.length - 2));
          if (!rest) break;
          newPage(signing);
          area.append(rest);
          current = rest;
          continue;
        }
        // the whole block to the next page, with the headings it follows
        const moving = [current];
        while (moving[0].previousElementSibling?.matches(KEEP_WITH_NEXT)) moving.unshift(moving[0].previousElementSibling);
        if (moving.length === area.children.length) break; // a page of it alone: let it overflow
        newPage(signing);
        area.append(...moving);
      }
    }
    pages.forEach((page, i) => {
      if (i > 0) {
        const number = doc.createElement('div');
        number.className = 'page-number';
        number.style.top = cm(g.header);
        number.textContent = `- ${i + 1} -`;
        page.append(number);
      }
      if (paraf.length && !page.dataset.signing) {
        const cell = Math.min(g.paraf_cell, (g.width - g.left - g.right) / paraf.length);
        const table = doc.createElement('table');
        table.className = 'paraf';
        Object.assign(table.style, { right: cm(g.right), bottom: cm(g.footer) });
        const labels = table.insertRow();
        const room = table.insertRow();
        for (const label of paraf) {
          Object.assign(labels.insertCell(), { textContent: `Paraf ${label}` }).style.width = cm(cell);
          room.insertCell().style.height = cm(g.paraf_room);
        }
        page.append(table);
      }
    });
    // the pages at the width of the frame
    const scale = Math.min(1, (doc.documentElement.clientWidth - 16) / (g.width * px));
    body.style.zoom = String(scale);
    body.dataset.pages = String(pages.length);
  }

  // Resolves when the frame has loaded the new page, laid out as pages (its previous scroll
  // position restored).
  function showPreview(html) {
    const frame = $('preview');
    const y = frame.contentWindow ? frame.contentWindow.scrollY : 0;
    const loaded = new Promise((resolve) => {
      frame.addEventListener('load', () => {
        paginate(frame.contentDocument);
        frame.contentWindow.scrollTo(0, y);
        resolve();
      }, { once: true });
    });
    frame.srcdoc = html; // pandoc's page: every word of the input escaped by pandoc
    frame.classList.remove('stale');
    return loaded;
  }

  async function download(url, filename) {
    state.showAll = true;
    const res = await post(url, state.data);
    if (!res.ok) { showProblems(await problemsOf(res)); return; }
    const href = URL.createObjectURL(await res.blob());
    const link = el('a', { href, download: filename });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(href), 60000);
  }

  // A blank form is quiet; a loaded one (example, file, registry) shows its problems at once.
  function start(data, origin = null, note = '', quiet = false) {
    state.data = data;
    state.english = null;
    state.origin = origin;
    state.touched = new Set();
    state.showAll = !quiet;
    $('registry-note').textContent = note;
    $('make-adendum').hidden = !origin?.id; // an adendum amends an entry opened from the registry
    draw();
    $('form').scrollTop = 0;
    clearTimeout(state.timer);
    refresh();
  }

  // ---- registry: open an entry, draft its renewal, save the form --------------------------------
  const send = (method, url, body) => fetch(url, {
    method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  const entryUrl = (id, rest = '') => `/api/registry/${encodeURIComponent(String(id))}${rest}`;
  // Refusals of the panel (an unknown entry, a renewal term to give) are shown in the panel, the
  // term's beside its inputs.
  function registryError(problems) {
    $('registry-error').textContent = problems.map((p) => p.message).join('; ');
    for (const [path, id] of [['years', 'renew-years'], ['until', 'renew-until']]) {
      $(id).classList.toggle('invalid', problems.some((p) => p.path === path));
    }
  }

  // An entry imported from a register sheet has no input: its signed naskah is read back first.
  function entryRow(entry) {
    const cells = [`#${entry.id}`, entry.kind_label, entry.numbers.join('\n'), entry.tentang, entry.unit,
      entry.end_date || '', entry.status];
    const actions = entry.has_input
      ? [button('Buka', () => openEntry(entry.id)), ' ', button('Perpanjang', () => renewEntry(entry.id))]
      : [button('Lampirkan naskah bertanda tangan', () => pickNaskah(entry.id))];
    return el('tr', { 'data-id': entry.id }, ...cells.map((text) => el('td', { text })),
      el('td', { class: 'actions' }, ...actions));
  }

  // *Lampirkan naskah bertanda tangan*: the chosen file, sent as it is, becomes the entry's input
  // (as `drafting registry attach`); what was read is shown, and the entry can then be opened.
  let attachTo = null;
  function pickNaskah(id) {
    attachTo = id;
    $('attach-file').click();
  }

  async function attachNaskah() {
    const file = $('attach-file').files[0];
    $('attach-file').value = '';
    if (!file || attachTo == null) return;
    const id = attachTo;
    registryError([]);
    const report = $('attach-report');
    report.hidden = false;
    report.textContent = `membaca ${file.name} untuk naskah #${id} …`;
    const res = await fetch(`${entryUrl(id, '/attach')}?filename=${encodeURIComponent(file.name)}`, {
      method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: file,
    });
    if (!res.ok) {
      report.hidden = true;
      registryError((await problemsOf(res)).map((p) => ({ ...p, message: `${file.name}: ${p.message}` })));
      return;
    }
    const body = await res.json();
    report.textContent = [`naskah #${id} kini berisian, dibaca dari ${file.name}; buka dengan "Buka".`,
      ...body.warnings.map((w) => `perhatian: ${w}`), ...body.report].join('\n');
    listEntries();
  }

  let listSeq = 0;
  async function listEntries() {
    const seq = ++listSeq;
    const q = $('registry-filter').value.trim();
    const res = await fetch(`/api/registry${q ? `?q=${encodeURIComponent(q)}` : ''}`);
    if (seq !== listSeq) return; // the filter changed meanwhile
    if (!res.ok) { registryError(await problemsOf(res)); return; }
    const body = await res.json();
    $('registry-rows').replaceChildren(...body.entries.map(entryRow));
    const empty = $('registry-empty');
    empty.textContent = !body.entries.length ? 'Tidak ada naskah yang cocok.'
      : body.more ? `Ditampilkan ${body.entries.length} naskah terbaru; persempit dengan pencarian.` : '';
    empty.hidden = !empty.textContent;
  }

  function showRegistry(open) {
    $('registry').hidden = !open;
    $('registry-toggle').setAttribute('aria-expanded', String(open));
    if (open) { registryError([]); $('attach-report').hidden = true; listEntries(); }
  }

  async function openEntry(id) {
    const res = await fetch(entryUrl(id));
    if (!res.ok) { registryError(await problemsOf(res)); return; }
    const { entry, data } = await res.json();
    showRegistry(false);
    start(data, { id: entry.id }, `dibuka dari registri: #${entry.id} (${entry.status})`);
  }

  // The renewal's input as `drafting renew` writes it, shown in the form; saved only on "Simpan".
  async function renewEntry(id) {
    const years = $('renew-years').value.trim();
    const until = readDate($('renew-until').value);
    const term = {};
    if (years) term.years = /^\d+$/.test(years) ? Number(years) : years; // else the server names the problem
    if (until) term.until = until;
    const res = await post(entryUrl(id, '/renew'), term);
    if (!res.ok) { registryError(await problemsOf(res)); return; }
    const { predecessor, data } = await res.json();
    showRegistry(false);
    start(data, { renewOf: predecessor.id }, `perpanjangan #${predecessor.id}: belum disimpan`);
  }

  function saveRequest() {
    const origin = state.origin;
    if (origin?.renewOf) return post(entryUrl(origin.renewOf, '/renewal'), state.data);
    if (origin) return send('PUT', entryUrl(origin.id), state.data);
    return post('/api/registry', state.data);
  }

  async function saveToRegistry() {
    state.showAll = true;
    const save = $('save-registry');
    save.disabled = true; // a second click while saving would add a second entry
    const res = await saveRequest().finally(() => { save.disabled = false; });
    if (!res.ok) {
      const problems = await problemsOf(res);
      showProblems(problems);
      $('registry-note').textContent = `belum tersimpan: ${problems.length === 1 ? problems[0].message : 'perbaiki isian'}`;
      return;
    }
    const entry = await res.json();
    state.origin = { id: entry.id }; // saved again: the same entry is updated
    $('registry-note').textContent = `tersimpan: #${entry.id} (${entry.status})`;
    if (!$('registry').hidden) listEntries();
  }

  // *Buat adendum*: the form, as the opened entry changed, becomes that entry's next adendum,
  // recorded in the registry and downloaded as DOCX; the form keeps the entry's input.
  async function makeAdendum() {
    const make = $('make-adendum');
    make.disabled = true; // a second click would record a second adendum
    const res = await post(entryUrl(state.origin.id, '/adendum'), state.data).finally(() => { make.disabled = false; });
    if (!res.ok) {
      const problems = await problemsOf(res);
      showProblems(problems);
      $('registry-note').textContent = `adendum belum dibuat: ${problems.length === 1 ? problems[0].message : 'perbaiki isian'}`;
      return;
    }
    const n = res.headers.get('X-Adendum');
    const href = URL.createObjectURL(await res.blob());
    const link = el('a', { href, download: `naskah-${state.origin.id}-adendum-${n}.docx` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(href), 60000);
    $('registry-note').textContent = `adendum ke-${n} naskah #${state.origin.id} dicatat`;
  }

  function initRegistry() {
    if (!state.meta.registry) return;
    $('registry-toggle').hidden = false;
    $('save-registry').hidden = false;
    $('registry-toggle').addEventListener('click', () => showRegistry($('registry').hidden));
    $('registry-close').addEventListener('click', () => showRegistry(false));
    $('save-registry').addEventListener('click', saveToRegistry);
    $('make-adendum').addEventListener('click', makeAdendum);
    $('attach-file').addEventListener('change', attachNaskah);
    let timer = 0;
    $('registry-filter').addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(listEntries, DEBOUNCE_MS); });
  }

  async function init() {
    state.meta = await (await fetch('/api/meta')).json();
    for (const name of state.meta.examples) $('example').append(el('option', { value: name, text: name }));
    for (const fmt of state.meta.formats) {
      $('save-yaml').before(button(`Unduh ${fmt.toUpperCase()}`, () => download(`/api/render/${fmt}`, `naskah.${fmt}`)));
    }
    $('save-yaml').addEventListener('click', () => download('/api/yaml', 'naskah.yaml'));
    $('blank').addEventListener('click', () => start(blank(), null, '', true));
    // a field is touched when changed or left: its problems are shown from then on
    const touch = (event) => {
      const field = event.target.closest('[data-path]');
      if (!field || state.touched.has(field.dataset.path)) return;
      state.touched.add(field.dataset.path);
      if (event.type === 'focusout') showProblems(state.problems);
    };
    for (const type of ['input', 'change', 'focusout']) $('form').addEventListener(type, touch);
    $('load-example').addEventListener('click', async () => {
      const res = await fetch(`/api/examples/${encodeURIComponent($('example').value)}`);
      if (res.ok) start(await res.json()); else showProblems(await problemsOf(res));
    });
    $('open').addEventListener('change', async () => {
      const file = $('open').files[0];
      if (!file) return;
      const res = await post('/api/open', { text: await file.text(), filename: file.name });
      $('open').value = '';
      if (res.ok) start(await res.json()); else showProblems(await problemsOf(res));
    });
    initRegistry();
    start(blank(), null, '', true);
  }

  init();
})();
