// A team's board: signals with their goal cards, the people (org chart or network, searchable), the selected
// person's moves, calendar, log and standings. The host sends views; the page only draws them and sends moves.
"use strict";

(() => {
  const { fmt, el, notice, connect, setTimer, standings } = SignalRace;
  const SVG = "http://www.w3.org/2000/svg";
  const NODE_R = 14; // world units, as the host lays people out (a column is 200 wide)
  const MAX_LABELS = 80; // names written on the map at once
  const MAX_HOLDERS = 12; // holder buttons per signal before "+N more"
  const MAX_RESULTS = 12; // search results listed
  const CLOSE_UP = 1000; // world units across when the map centres on someone (five columns of the org chart)

  let hello = null;
  let view = null;
  let labels = {};
  const chosen = { signal: null, person: null };
  let mode = "tree";
  let box = null; // the map's viewBox {x, y, w, h}
  let found = []; // people matching the search
  const socket = connect(receive);

  function receive(message) {
    if (message.type === "hello") {
      hello = message;
      labels = message.labels;
      document.getElementById("swatch").style.background = message.team.colour;
      box = null;
      asked = "";
    } else if (message.type === "view") {
      view = message;
      render();
    } else if (message.type === "actions") {
      if (message.person === chosen.person) renderActions(message);
    } else if (message.type === "refused") {
      notice(message.text);
    }
  }

  // ---------------------------------------------------------------- the board

  function render() {
    if (!hello || !view) return;
    document.getElementById("turn").textContent = view.turn_label;
    const points = document.getElementById("points");
    points.textContent = view.points_label;
    points.setAttribute("aria-label", fmt(labels["web.points"], { points: view.points, total: view.total_points }));
    setTimer(view.timer, hello.timer_label);
    document.getElementById("status").textContent = view.status;
    document.getElementById("end-turn").disabled = !view.may_act;
    document.body.classList.toggle("waiting", !view.may_act);
    const known = view.signals.map((s) => s.index);
    if (!known.includes(chosen.signal)) {
      const open = view.signals.find((s) => s.open) || view.signals[0];
      chosen.signal = open ? open.index : null;
    }
    renderSignals();
    renderMap();
    renderLines("calendar", view.calendar);
    renderLines("log", view.log.slice().reverse());
    standings(document.getElementById("standings"), view.standings, hello.standing_labels, hello.team.name);
    askActions();
  }

  function renderLines(id, lines) {
    document.getElementById(id).replaceChildren(...lines.map((line) => el("li", { text: line })));
  }

  function bar(share, kind) {
    const outer = el("span", { class: `meter ${kind}`, "aria-hidden": "true" });
    outer.append(el("span", { style: `width:${Math.round(share * 100)}%` }));
    return outer;
  }

  function renderSignals() {
    const list = document.getElementById("signals");
    if (!view.signals.length) {
      list.replaceChildren(el("p", { class: "dim", text: hello.no_signal }));
      return;
    }
    list.replaceChildren(...view.signals.map(signalCard));
  }

  function signalCard(signal) {
    const selected = signal.index === chosen.signal;
    const title = el("button", { type: "button", class: "title", "aria-pressed": String(selected), text: signal.title,
      onclick: () => { chosen.signal = signal.index; render(); } });
    const goal = el("ul", { class: "goal", "aria-label": labels["web.goal"] }, ...signal.goal.map((line) => el("li", { text: line })));
    const holders = el("div", { class: "holders" }, el("span", { class: "dim", text: labels["web.holders"] }));
    signal.holders.slice(0, MAX_HOLDERS).forEach((person, i) => {
      const name = `${hello.people.names[person]} · ${Math.round(signal.fidelity[i] * 100)}%`;
      holders.append(el("button", { type: "button", class: "person", "aria-pressed": String(selected && chosen.person === person),
        text: name, onclick: () => choose(person, signal.index) }));
    });
    if (signal.holders.length > MAX_HOLDERS) {
      holders.append(el("span", { class: "dim", text: fmt(labels["web.more"], { count: signal.holders.length - MAX_HOLDERS }) }));
    }
    return el("article", { class: `signal${selected ? " selected" : ""}${signal.open ? "" : " closed"}` },
      el("h3", {}, title),
      el("p", { class: "state", text: signal.status }),
      el("p", { class: "race" }, el("span", { text: signal.value }), bar(signal.value_share, "good")),
      el("p", { class: "race" }, el("span", { text: signal.rival }), bar(signal.rival_share, "bad")),
      el("h4", { text: labels["web.goal"] }), goal, holders);
  }

  // ---------------------------------------------------------------- the person and their moves

  function choose(person, signal) {
    chosen.person = person;
    if (signal !== undefined) chosen.signal = signal;
    render();
    document.getElementById("person-panel").scrollIntoView({ block: "nearest" });
  }

  let asked = ""; // the selection and board the shown moves belong to: ask again only when one of them changes
  function askActions() {
    if (chosen.person === null) return;
    const key = [chosen.person, chosen.signal, view.moves, view.turn, view.may_act].join("|");
    if (key === asked) return;
    asked = key;
    socket.send({ type: "select", person: chosen.person, signal: chosen.signal });
  }

  function renderActions(message) {
    const card = document.getElementById("card");
    const [first, ...rest] = message.card;
    card.replaceChildren(el("h3", { text: message.name }), el("p", { class: "dim", text: first }),
      el("ul", { class: "lines" }, ...rest.map((line) => el("li", { text: line }))));
    const list = document.getElementById("actions");
    if (!message.actions.length) {
      list.replaceChildren(el("li", { class: "dim", text: labels["web.no_actions"] }));
      return;
    }
    list.replaceChildren(...message.actions.map((row, i) => {
      const detail = el("p", { class: "detail", id: `move-${i}`, text: row.detail });
      const button = el("button", { type: "button", class: row.network ? "move network" : "move hierarchy",
        "aria-describedby": `move-${i}`, disabled: !view.may_act || row.cost > view.points,
        onclick: () => socket.send({ type: "act", action: row.action }) },
        el("span", { class: "label", text: row.label }), el("span", { class: row.urgent ? "cost urgent" : "cost", text: row.cost_text }));
      return el("li", {}, button, detail);
    }));
  }

  document.getElementById("end-turn").addEventListener("click", () => socket.send({ type: "end_turn" }));

  // ---------------------------------------------------------------- the map

  function positions() {
    return mode === "tree" ? view.tree.xy : hello.people.network_xy;
  }

  function fit() {
    const xy = positions();
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let i = 0; i < xy.length; i += 2) {
      minX = Math.min(minX, xy[i]); maxX = Math.max(maxX, xy[i]);
      minY = Math.min(minY, xy[i + 1]); maxY = Math.max(maxY, xy[i + 1]);
    }
    const margin = 60;
    box = { x: minX - margin, y: minY - margin, w: maxX - minX + 2 * margin + 120, h: maxY - minY + 2 * margin };
  }

  function svg(tag, attrs) {
    const node = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
    return node;
  }

  function renderMap() {
    const map = document.getElementById("map");
    if (!box) {
      fit();
      const first = view.signals.find((s) => s.index === chosen.signal);
      if (first && first.holders.length) centreOn(first.holders[0]); // start where the signal is, readable
    }
    map.setAttribute("viewBox", `${box.x} ${box.y} ${box.w} ${box.h}`);
    const xy = positions();
    const people = hello.people;
    const signal = view.signals.find((s) => s.index === chosen.signal);
    const holders = new Set(signal ? signal.holders : []);
    const absent = new Set(view.absent);
    const parts = [];
    let lines = "";
    if (mode === "tree") {
      const { manager, spine } = view.tree;
      manager.forEach((boss, p) => {
        if (boss >= 0) lines += `M${spine[p]} ${xy[2 * boss + 1]}V${xy[2 * p + 1]}H${xy[2 * p]}`;
      });
    } else {
      const ties = view.ties || people.ties || [];
      for (let i = 0; i < ties.length; i += 2) {
        const [a, b] = [ties[i], ties[i + 1]];
        lines += `M${xy[2 * a]} ${xy[2 * a + 1]}L${xy[2 * b]} ${xy[2 * b + 1]}`;
      }
    }
    parts.push(svg("path", { d: lines, class: mode === "tree" ? "edges tree" : "edges ties" }));
    const named = new Set([...holders].slice(0, MAX_LABELS));
    if (chosen.person !== null) named.add(chosen.person);
    found.forEach((p) => named.add(p));
    for (let p = 0; p < people.ids.length; p++) {
      const classes = ["node"];
      if (holders.has(p)) classes.push("knows");
      if (absent.has(p)) classes.push("away");
      if (p === chosen.person) classes.push("chosen");
      const dot = svg("circle", { cx: xy[2 * p], cy: xy[2 * p + 1], r: NODE_R, class: classes.join(" "), "data-person": p,
        fill: hello.colours.departments[people.dept[p] % hello.colours.departments.length] });
      const tip = svg("title", {});
      tip.textContent = `${people.names[p]} — ${people.titles[p]}`;
      dot.append(tip);
      parts.push(dot);
    }
    for (const p of named) {
      const label = svg("text", { x: xy[2 * p] + NODE_R + 4, y: xy[2 * p + 1] + 5, class: p === chosen.person ? "name chosen" : "name" });
      label.textContent = people.names[p];
      parts.push(label);
    }
    map.replaceChildren(...parts);
  }

  function zoom(factor, cx, cy) {
    if (!box) return;
    const x = cx === undefined ? box.x + box.w / 2 : cx;
    const y = cy === undefined ? box.y + box.h / 2 : cy;
    box = { x: x - (x - box.x) * factor, y: y - (y - box.y) * factor, w: box.w * factor, h: box.h * factor };
    renderMap();
  }

  function centreOn(person) {
    const xy = positions();
    const map = document.getElementById("map");
    const w = Math.min(box.w, CLOSE_UP);
    const h = w * (map.clientHeight / Math.max(map.clientWidth, 1));
    box = { x: xy[2 * person] - w / 2, y: xy[2 * person + 1] - h / 2, w, h };
  }

  function setMode(next) {
    mode = next;
    document.getElementById("view-tree").setAttribute("aria-pressed", String(next === "tree"));
    document.getElementById("view-network").setAttribute("aria-pressed", String(next === "network"));
    fit();
    renderMap();
  }

  document.getElementById("view-tree").addEventListener("click", () => setMode("tree"));
  document.getElementById("view-network").addEventListener("click", () => setMode("network"));
  document.getElementById("zoom-in").addEventListener("click", () => zoom(0.7));
  document.getElementById("zoom-out").addEventListener("click", () => zoom(1 / 0.7));
  document.getElementById("zoom-fit").addEventListener("click", () => { fit(); renderMap(); });

  const map = document.getElementById("map");
  let drag = null;
  map.addEventListener("pointerdown", (event) => {
    drag = { x: event.clientX, y: event.clientY, box: { ...box }, moved: false };
  });
  map.addEventListener("pointermove", (event) => {
    if (!drag) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < 6) return;
    if (!drag.moved) map.setPointerCapture(event.pointerId);
    drag.moved = true;
    const scale = box.w / map.clientWidth;
    box = { ...drag.box, x: drag.box.x - dx * scale, y: drag.box.y - dy * scale };
    map.setAttribute("viewBox", `${box.x} ${box.y} ${box.w} ${box.h}`);
  });
  map.addEventListener("pointerup", (event) => {
    const clicked = drag && !drag.moved ? event.target.closest("circle") : null;
    drag = null;
    if (clicked) choose(Number(clicked.dataset.person));
  });
  map.addEventListener("wheel", (event) => {
    event.preventDefault();
    const rect = map.getBoundingClientRect();
    const cx = box.x + ((event.clientX - rect.left) / rect.width) * box.w;
    const cy = box.y + ((event.clientY - rect.top) / rect.height) * box.h;
    zoom(event.deltaY > 0 ? 1.15 : 1 / 1.15, cx, cy);
  }, { passive: false });

  // ---------------------------------------------------------------- search

  const plain = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  let index = null;
  document.getElementById("search").addEventListener("input", (event) => {
    if (!hello) return;
    index = index || hello.people.names.map((name, p) => plain(`${name} ${hello.people.titles[p]}`));
    const query = plain(event.target.value.trim());
    found = [];
    if (query) {
      for (let p = 0; p < index.length && found.length < MAX_RESULTS; p++) if (index[p].includes(query)) found.push(p);
    }
    const results = document.getElementById("search-results");
    results.replaceChildren(...found.map((p) => el("li", {}, el("button", { type: "button", class: "person",
      text: `${hello.people.names[p]} — ${hello.people.titles[p]}`,
      onclick: () => { centreOn(p); choose(p); } }))));
    renderMap();
  });
})();
