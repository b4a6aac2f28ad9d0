// The facilitator's page: the round (who has planned, the timer), the teams with their links and QR codes,
// the standings, and the controls (pause, end the round, inject an event, end the game, bots, new links).
"use strict";

(() => {
  const { fmt, el, notice, connect, setTimer, standings } = SignalRace;
  let room = null;
  let labels = {};
  const socket = connect(receive);
  const code = location.pathname.split("/").filter(Boolean)[1];

  function receive(message) {
    if (message.type === "room") {
      room = message;
      labels = message.labels;
      render();
    } else if (message.type === "refused") {
      notice(message.text);
    }
  }

  function teamState(team) {
    if (team.bot) return labels["web.team.bot"];
    if (!team.joined) return labels["web.team.not_joined"];
    const state = team.planned ? labels["web.team.planned"] : team.to_play ? labels["web.team.planning"] : labels["web.team.waiting"];
    if (team.absent) return `${state} · ${labels["web.team.absent"]}`;
    return team.online ? state : `${state} · ${labels["web.team.offline"]}`;
  }

  function render() {
    document.getElementById("title").textContent = `${labels["web.facilitator"]} — ${room.title}`;
    document.getElementById("turn").textContent = room.turn_label;
    document.getElementById("mode").textContent = room.mode_label;
    setTimer(room.timer, room.timer_label);
    const planning = room.teams.filter((t) => t.to_play).map((t) => t.name);
    document.getElementById("status").textContent = room.over ? labels["web.status.over"]
      : room.paused ? labels["web.status.paused"] : fmt(labels["web.status.planning"], { teams: planning.join(", ") || "—" });
    const pause = document.getElementById("pause");
    pause.textContent = room.paused ? labels["web.resume"] : labels["web.pause"];
    pause.setAttribute("aria-pressed", String(room.paused));
    for (const id of ["pause", "end-round", "inject", "end-game", "event"]) document.getElementById(id).disabled = room.over;
    const select = document.getElementById("event");
    const chosen = select.value;
    select.replaceChildren(...room.events.map((e) => el("option", { value: e.index, text: e.label })));
    if (chosen) select.value = chosen;
    renderTeams();
    standings(document.getElementById("standings"), room.standings, room.standing_labels, null);
    renderCodes();
  }

  function renderTeams() {
    const table = document.getElementById("teams");
    const head = el("tr", {}, ...[labels["web.teams"], "", labels["web.link"], ""].map((t) => el("th", { scope: "col", text: t })));
    const rows = room.teams.map((team) => {
      const bots = el("select", { "aria-label": `${labels["web.hand_to_bot"]}: ${team.name}` },
        ...room.bots.map((b) => el("option", { value: b.name, text: b.label })));
      const hand = team.bot
        ? el("button", { type: "button", text: labels["web.take_back"], onclick: () => socket.send({ type: "bot", team: team.index, bot: null }) })
        : el("button", { type: "button", text: labels["web.hand_to_bot"], onclick: () => socket.send({ type: "bot", team: team.index, bot: bots.value }) });
      const renew = el("button", { type: "button", text: labels["web.new_link"], onclick: () => {
        if (confirm(fmt(labels["web.new_link_confirm"], { team: team.name }))) socket.send({ type: "new_link", team: team.index });
      } });
      const devices = team.sockets ? ` · ${fmt(labels["web.team.devices"], { count: team.sockets })}` : "";
      return el("tr", { class: team.planned ? "planned" : null },
        el("th", { scope: "row" }, el("span", { class: "dot", style: `background:${team.colour}`, "aria-hidden": "true" }), team.name),
        el("td", { text: teamState(team) + devices }),
        el("td", {}, el("a", { href: team.link, class: "link", text: team.link })),
        el("td", { class: "buttons" }, team.bot ? null : bots, hand, renew));
    });
    table.replaceChildren(el("thead", {}, head), el("tbody", {}, ...rows));
  }

  let shownLinks = "";
  function renderCodes() {
    const links = room.teams.map((t) => t.link).join(" ");
    if (links === shownLinks) return; // the codes change only with a new link: no reload on every push
    shownLinks = links;
    const box = document.getElementById("qr-codes");
    box.replaceChildren(...room.teams.map((team) => el("figure", { class: "qr" },
      el("img", { src: `/f/${code}/qr/${team.index}.svg?${encodeURIComponent(team.link.slice(-6))}`, alt: `${team.name}: ${team.link}`, width: 180, height: 180 }),
      el("figcaption", {}, el("span", { class: "dot", style: `background:${team.colour}`, "aria-hidden": "true" }), team.name))));
  }

  document.getElementById("pause").addEventListener("click", () => socket.send({ type: "pause", on: !room.paused }));
  document.getElementById("end-round").addEventListener("click", () => socket.send({ type: "end_round" }));
  document.getElementById("inject").addEventListener("click", () => {
    const value = document.getElementById("event").value;
    if (value !== "") socket.send({ type: "inject", event: Number(value) });
  });
  document.getElementById("end-game").addEventListener("click", () => {
    if (confirm(labels["web.end_game_confirm"])) socket.send({ type: "end_game" });
  });
})();
