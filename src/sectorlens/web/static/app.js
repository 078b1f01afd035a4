// sectorlens dashboard: filters → API → Vega-Lite charts, a table and the sources behind them.
// Data text is only ever set with textContent (never innerHTML): names come from the web.
(function () {
  "use strict";

  const strings = document.getElementById("strings");
  const T = strings ? JSON.parse(strings.textContent) : {};
  const lang = document.body.dataset.lang || "ko";
  const DIMS = ["country", "province", "cluster", "sector", "round"];
  const EMBED = {
    actions: false,
    renderer: "svg",
    ast: true, // Vega's CSP-safe expression interpreter: no eval, no new Function
    defaultStyle: false,
    tooltip: { disableDefaultStyle: true },
  };

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  async function getJSON(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.error || response.status + " " + response.statusText);
    return body;
  }

  function embed(target, spec) {
    target.replaceChildren();
    return vegaEmbed(target, spec, EMBED);
  }

  function safeUrl(text) {
    try {
      const url = new URL(text);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  // -- citations: every load and source gets one number on the page ----------------------
  class Citations {
    constructor() {
      this.items = new Map();
    }
    add(kind, record, citedBy) {
      const key = kind + ":" + (kind === "load" ? record.load_id : record.source_id);
      if (!this.items.has(key)) this.items.set(key, { n: this.items.size + 1, kind, record, by: [] });
      const item = this.items.get(key);
      if (!item.by.includes(citedBy)) item.by.push(citedBy);
      return item.n;
    }
    cite(doc, citedBy) {
      const loads = (doc.loads || []).map((l) => this.add("load", l, citedBy));
      const sources = (doc.sources || []).map((s) => this.add("source", s, citedBy));
      return loads.concat(sources);
    }
  }

  function citeLine(target, numbers) {
    target.replaceChildren();
    target.append(el("span", { class: "cite-label" }, T["sources.title"] + ": "));
    if (!numbers.length) {
      target.append(el("span", {}, T["sources.none"]));
      return;
    }
    for (const n of numbers) {
      target.append(el("a", { href: "#src-" + n, class: "cite" }, "[" + n + "]"), " ");
    }
  }

  function describeLoad(r) {
    const parts = [];
    if (r.file) parts.push(T["sources.file"] + " " + r.file);
    if (r.source_format) parts.push(T["sources.format"] + " " + r.source_format);
    if (r.file_sha256) parts.push("sha256 " + String(r.file_sha256).slice(0, 12) + "…");
    if (r.finished_at) parts.push(T["sources.loaded"] + " " + r.finished_at);
    if (r.rows_read !== undefined && r.rows_read !== null) parts.push(T["sources.rows"] + " " + r.rows_read);
    if (r.deals !== undefined && r.deals !== null) parts.push(T["sources.deals"] + " " + r.deals);
    if (r.rejects !== undefined && r.rejects !== null) parts.push(T["sources.rejects"] + " " + r.rejects);
    return parts.join(" · ");
  }

  function renderSources(list, citations) {
    list.replaceChildren();
    if (!citations.items.size) {
      list.append(el("li", { class: "none" }, T["sources.none"]));
      return;
    }
    for (const item of citations.items.values()) {
      const li = el("li", { id: "src-" + item.n, value: String(item.n) });
      const r = item.record;
      if (item.kind === "load") {
        li.append(el("strong", {}, T["sources.load"] + " " + r.load_id));
        li.append(" — " + describeLoad(r));
      } else {
        li.append(el("strong", {}, r.title || r.source_id));
        const extra = [r.publisher, r.published, r.licence].filter(Boolean).join(" · ");
        if (extra) li.append(" — " + extra);
        const href = r.url ? safeUrl(r.url) : null;
        if (href) {
          li.append(" ");
          li.append(el("a", { href: href, rel: "noopener noreferrer" }, href));
        }
      }
      li.append(el("div", { class: "cited-by" }, T["sources.cited_by"] + ": " + item.by.join(", ")));
      list.append(li);
    }
  }

  // -- dashboard -----------------------------------------------------------------------
  function dashboard(form) {
    const charts = Array.from(document.querySelectorAll("figure.chart[data-chart]"));
    const preset = document.getElementById("table-preset");
    const table = document.getElementById("data-table");
    const status = document.getElementById("table-status");
    const csvLink = document.getElementById("download-csv");
    const jsonLink = document.getElementById("download-json");
    const sourceList = document.getElementById("source-list");
    let generation = 0;

    function chosen(name) {
      return Array.from(form.elements[name].selectedOptions).map((o) => o.value);
    }

    function state() {
      const where = [];
      const from = form.elements.from.value;
      const to = form.elements.to.value;
      if (from) where.push("year>=" + from);
      if (to) where.push("year<=" + to);
      for (const dim of DIMS) {
        const values = chosen(dim);
        if (values.length) where.push(dim + "=" + values.join(","));
      }
      return { where, currency: form.elements.currency.value, subject: form.elements.subject.value };
    }

    function params(s, extra) {
      const p = new URLSearchParams();
      for (const [k, v] of Object.entries(extra || {})) {
        for (const x of [].concat(v)) p.append(k, x);
      }
      for (const w of s.where) p.append("where", w);
      p.set("currency", s.currency);
      if (s.subject) p.set("subject", s.subject);
      return p;
    }

    function restore() {
      const p = new URLSearchParams(location.search);
      for (const name of ["from", "to", "currency", "subject"]) {
        if (p.get(name)) form.elements[name].value = p.get(name);
      }
      for (const dim of DIMS) {
        const wanted = new Set(p.getAll(dim));
        for (const o of form.elements[dim].options) o.selected = wanted.has(o.value);
      }
      if (p.get("table")) preset.value = p.get("table");
    }

    function remember() {
      const p = new URLSearchParams();
      p.set("lang", lang);
      for (const name of ["from", "to", "subject"]) if (form.elements[name].value) p.set(name, form.elements[name].value);
      for (const dim of DIMS) for (const v of chosen(dim)) p.append(dim, v);
      p.set("currency", form.elements.currency.value);
      p.set("table", preset.value);
      history.replaceState(null, "", "?" + p.toString());
      // the language links keep the filters
      for (const a of document.querySelectorAll("a.lang")) {
        const q = new URLSearchParams(p);
        q.set("lang", a.getAttribute("hreflang"));
        a.setAttribute("href", "?" + q.toString());
      }
    }

    async function drawChart(figure, s, citations, run) {
      const vis = figure.querySelector(".vis");
      const caption = figure.querySelector(".cites");
      figure.setAttribute("aria-busy", "true");
      try {
        const query = params(s, { lang }).toString();
        const url = "/api/charts/" + figure.dataset.chart + ".json?" + query;
        const data = figure.querySelector("a.chart-data");
        if (data) data.setAttribute("href", "/api/charts/" + figure.dataset.chart + ".zip?" + query);
        const doc = await getJSON(url);
        if (run !== generation) return;
        if (doc.empty) vis.replaceChildren(el("h3", {}, doc.title), el("p", { class: "empty" }, T["table.empty"]));
        else await embed(vis, doc.spec);
        const title = doc.spec.title && doc.spec.title.text ? doc.spec.title.text : doc.spec.title;
        citeLine(caption, citations.cite(doc, String(title || figure.dataset.chart)));
        figure.dataset.where = s.where.join(" & ");
        figure.dataset.currency = s.currency;
      } catch (err) {
        vis.replaceChildren(el("p", { class: "error" }, T["status.error"] + ": " + err.message));
      } finally {
        figure.removeAttribute("aria-busy");
      }
    }

    function isNumeric(type) {
      return /^(int|uint|decimal|double|float)/.test(type);
    }

    // The table shows what a reader needs; the CSV and JSON links have every column.
    const HIDDEN = /^(period_start|period_end|n_exact|n_low|n_high|n_mid|amount_low|amount_high|currency|rank|stage_order|cum_deal_share_pct)$/;
    const DIM_COLUMNS = ["province", "cluster", "sector", "round"];

    // Display names of codes, from the filters' own options ("Beijing (5)" → "Beijing").
    function codeNames() {
      const names = {};
      for (const dim of DIM_COLUMNS) {
        names[dim] = {};
        for (const o of form.elements[dim].options) names[dim][o.value] = o.textContent.replace(/ \(\d+\)$/, "");
      }
      return names;
    }

    // ko: 1,234억 5,678만 / 7조 2,000억; en: 1.2 bn, 345.6 mn; whole units below.
    function money(value) {
      const v = Number(value);
      const a = Math.abs(v);
      const group = (n) => Math.round(n).toLocaleString(lang === "en" ? "en-US" : "ko-KR");
      if (lang === "en") {
        for (const [size, unit] of [[1e12, "tn"], [1e9, "bn"], [1e6, "mn"]]) {
          if (a >= size) return (v / size).toLocaleString("en-US", { maximumFractionDigits: 1 }) + " " + unit;
        }
        return group(v);
      }
      for (const [size, unit, next, nextUnit] of [[1e12, "조", 1e8, "억"], [1e8, "억", 1e4, "만"]]) {
        if (a >= size) {
          const major = Math.trunc(v / size);
          const minor = Math.round((v - major * size) / next);
          return group(major) + unit + (minor ? " " + group(minor) + nextUnit : "");
        }
      }
      if (a >= 1e4) return group(v / 1e4) + "만";
      return group(v);
    }

    function cell(name, type, value, names) {
      if (value === null || value === undefined) return "";
      if (names[name]) return names[name][value] || value;
      if (typeof value === "boolean") return value ? T["table.yes"] : "";
      if (!isNumeric(type)) return value;
      if (/_pct$/.test(name)) return Number(value).toLocaleString(lang === "en" ? "en-US" : "ko-KR", { minimumFractionDigits: 1, maximumFractionDigits: 1 }) + "%";
      if (/^(amount_|mean_|median_)/.test(name)) return money(value);
      return Number(value).toLocaleString(lang === "en" ? "en-US" : "ko-KR");
    }

    function header(name, currency) {
      const text = T["col." + name] || name.replace(/_/g, " ");
      return /^(amount_|mean_|median_)/.test(name) ? text + " · " + currency : text;
    }

    async function drawTable(s, citations, run) {
      const option = preset.selectedOptions[0];
      const metric = option.dataset.metric;
      const by = option.dataset.by ? option.dataset.by.split(",") : [];
      const p = params(s, { by });
      csvLink.setAttribute("href", "/api/" + metric + ".csv?" + p.toString());
      jsonLink.setAttribute("href", "/api/" + metric + ".json?" + p.toString());
      status.textContent = T["status.loading"];
      table.setAttribute("aria-busy", "true");
      try {
        const doc = await getJSON("/api/" + metric + ".json?" + p.toString());
        if (run !== generation) return;
        const head = el("tr");
        const shown = doc.columns.filter((c) => !HIDDEN.test(c.name));
        const names = codeNames();
        for (const c of shown) {
          head.append(el("th", { class: isNumeric(c.type) ? "num" : "", "data-column": c.name }, header(c.name, s.currency)));
        }
        const body = document.createDocumentFragment();
        for (const row of doc.rows) {
          const tr = el("tr");
          for (const c of shown) {
            tr.append(el("td", { class: isNumeric(c.type) ? "num" : "" }, cell(c.name, c.type, row[c.name], names)));
          }
          body.append(tr);
        }
        table.tHead.replaceChildren(head);
        table.tBodies[0].replaceChildren(body);
        let text = doc.rows.length + " " + T["table.rows"];
        if (doc.meta.truncated) text += " (" + T["table.truncated"] + ")";
        if (!doc.rows.length) text = T["table.empty"];
        status.textContent = text;
        citeLine(document.getElementById("table-cites"), citations.cite(doc, T["table.title"] + ": " + option.textContent));
        table.dataset.where = s.where.join(" & ");
        table.dataset.currency = s.currency;
      } catch (err) {
        status.textContent = T["status.error"] + ": " + err.message;
      } finally {
        table.removeAttribute("aria-busy");
      }
    }

    async function refresh() {
      const run = ++generation;
      const s = state();
      remember();
      const citations = new Citations();
      document.body.setAttribute("data-loading", "true");
      await Promise.all(charts.map((f) => drawChart(f, s, citations, run)).concat([drawTable(s, citations, run)]));
      if (run !== generation) return;
      renderSources(sourceList, citations);
      document.body.removeAttribute("data-loading");
      document.body.dataset.ready = String(run);
    }

    form.addEventListener("submit", (e) => {
      e.preventDefault();
      refresh();
    });
    form.addEventListener("change", () => refresh());
    form.addEventListener("reset", () => setTimeout(refresh, 0));
    preset.addEventListener("change", () => refresh());
    restore();
    refresh();
  }

  // -- reference report ----------------------------------------------------------------
  async function report(container) {
    const list = document.getElementById("source-list");
    try {
      const doc = await getJSON("/api/report.json?lang=" + encodeURIComponent(lang));
      const citations = new Citations();
      for (const c of doc.charts) {
        const fig = el("figure", { class: "chart report-chart", "data-chart": c.chart_id });
        fig.append(el("h3", {}, c.section));
        const vis = el("div", { class: "vis" });
        fig.append(vis);
        const caption = el("figcaption", { class: "cites" });
        fig.append(caption);
        container.append(fig);
        const cited = { sources: doc.sources.filter((s) => c.cites.includes(s.source_id)) };
        if (cited.sources.length) citeLine(caption, citations.cite(cited, c.title));
        const data = el("a", { class: "chart-data", href: c.data_url, download: "" }, T["report.chart_data"]);
        fig.append(el("p", { class: "download" }));
        fig.lastChild.append(data);
        await embed(vis, c.spec);
      }
      renderSources(list, citations);
      document.body.dataset.ready = "1";
    } catch (err) {
      container.append(el("p", { class: "error" }, T["status.error"] + ": " + err.message));
    }
  }

  const form = document.getElementById("filters");
  if (form) dashboard(form);
  const reportCharts = document.getElementById("report-charts");
  if (reportCharts) report(reportCharts);
})();
