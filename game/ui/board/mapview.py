"""The map of the board: the org chart or the informal network, drawn from the state, with zoom and pan.

The static picture (links, people, labels, the selected signal's paths) is
rendered into one cached surface and redrawn only when the camera, the
selection or the state changes; a frame otherwise blits it and draws the
hover ring and the animation tokens on top. People off screen are culled, and
when zoomed far out stacked teams collapse into one bar showing how many of
them know the signal.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import pygame

from game.core.state import VIA_CHANNEL, VIA_HIERARCHY, VIA_NETWORK, GameState
from game.ui.board import lines, shapes
from game.ui.board.animation import Animation
from game.ui.board.camera import Camera
from game.ui.board.hit import person_at
from game.ui.board.network_layout import network_layout
from game.ui.board.tree_layout import LEVEL, STACK_ROW, TreeLayout, tree_layout

if TYPE_CHECKING:
    from game.ui.app import App

TREE, NETWORK = "tree", "network"
NODE_RADIUS = 11  # px at zoom 1
MIN_RADIUS = 2  # px
FULL_NAME_SCALE = 0.8  # zoom from which org-chart labels are full names (a column is wide enough)
SHORT_NAME_SCALE = 0.5  # zoom from which they are short names ("Léa M.")
NETWORK_LABEL_SCALE = 1.4  # zoom from which everyone in the network view is labelled
AGGREGATE_ROW = 6  # px: below this, a stacked team is drawn as one bar
LABEL_PX = 18
LABEL_BACKING_ALPHA = 200  # under the labels that matter: links and markers show through faintly


@dataclass(frozen=True)
class Selection:
    person: int | None
    signal: int | None
    hover: int | None = None
    roles: dict[int, str] = field(default_factory=dict)  # person -> role for the signal, in the goal card's words


def _blend(a: tuple, b: tuple, t: float) -> tuple[int, int, int]:
    return tuple(int(x + (y - x) * t) for x, y in zip(a, b))  # type: ignore[return-value]


class MapView:
    """Both views of one scenario's people; cameras, layouts and sprites are kept across frames."""

    def __init__(self, app: App, viewport: pygame.Rect):
        self.app = app
        self.view = TREE
        self.cameras = {TREE: Camera(pygame.Rect(viewport)), NETWORK: Camera(pygame.Rect(viewport))}
        self._fitted: set[str] = set()
        self._tree: TreeLayout | None = None
        self._tree_key: object = None
        self._segments: np.ndarray | None = None
        self._layer: pygame.Surface | None = None
        self._layer_key: object = None
        self._labels: dict[tuple, pygame.Surface] = {}
        self.placed_labels: dict[int, pygame.Rect] = {}  # person -> where their label went on the last picture

    # ------------------------------------------------------------ geometry

    @property
    def camera(self) -> Camera:
        return self.cameras[self.view]

    def set_viewport(self, viewport: pygame.Rect) -> None:
        for camera in self.cameras.values():
            if camera.viewport.size != viewport.size or camera.viewport.topleft != viewport.topleft:
                camera.viewport = pygame.Rect(viewport)
        self._fitted.clear()
        self._layer = None

    def toggle(self) -> None:
        self.view = NETWORK if self.view == TREE else TREE

    def positions(self, state: GameState) -> np.ndarray:
        """World positions of everyone in the current view."""
        if self.view == NETWORK:
            return network_layout(state.scenario)
        return self._tree_layout(state).xy

    def _tree_layout(self, state: GameState) -> TreeLayout:
        if self._tree is None or self._tree_key is not state.hierarchy:  # a re-organisation rebuilds the hierarchy
            self._tree = tree_layout(state.hierarchy)
            self._tree_key = state.hierarchy
            self._segments = _tree_segments(state.hierarchy, self._tree)
        return self._tree

    def ensure_fitted(self, state: GameState, insets: Callable[[], tuple[int, int, int, int]]) -> None:
        """First look at a view: the whole organisation, clear of the panels over the map (`insets()`)."""
        if self.view in self._fitted:
            return
        self.fit_all(state, insets())
        self._fitted.add(self.view)

    def fit_all(self, state: GameState, insets: tuple[int, int, int, int] = (0, 0, 0, 0)) -> None:
        """Zoom out (or in) so the whole organisation fills the view, clear of the panels over the map."""
        xy = self.positions(state)
        lo, hi = xy.min(axis=0), xy.max(axis=0)
        self.camera.fit((lo[0], lo[1], hi[0], hi[1] + LEVEL * 0.3), insets=insets)

    def radius(self) -> int:
        """Markers shrink slower than the zoom (square root) so people stay visible when zoomed out."""
        radius = NODE_RADIUS * np.sqrt(self.camera.scale * self.app.scale)
        return int(np.clip(radius, MIN_RADIUS, NODE_RADIUS * 1.2 * self.app.scale))

    def screen_positions(self, state: GameState) -> np.ndarray:
        return self.camera.to_screen(self.positions(state))

    def person_at(self, state: GameState, point: tuple[int, int]) -> int | None:
        if not self.camera.viewport.collidepoint(point):
            return None
        return person_at(self.screen_positions(state), point, self.radius() + 3)

    # ------------------------------------------------------------ drawing

    def draw(
        self, surface: pygame.Surface, state: GameState, selection: Selection, version: object, anim: Animation | None
    ) -> None:
        key = (self.view, self.camera.key, selection.person, selection.signal, version, self.app.settings.language)
        if self._layer is None or key != self._layer_key or self._layer.get_size() != self.camera.viewport.size:
            self._layer = self._render(state, selection)
            self._layer_key = key
        viewport = self.camera.viewport
        surface.blit(self._layer, viewport.topleft)
        clip = surface.get_clip()
        surface.set_clip(viewport)
        xy = self.screen_positions(state)
        if selection.hover is not None:
            pygame.draw.circle(surface, self.app.palette.text, xy[selection.hover], self.radius() + 6, 2)
        if anim is not None and not anim.done:
            self._draw_animation(surface, xy, anim, selection.signal)
        surface.set_clip(clip)

    def _render(self, state: GameState, selection: Selection) -> pygame.Surface:
        viewport = self.camera.viewport
        layer = pygame.Surface(viewport.size)
        layer.fill(self.app.palette.background)
        xy = self.screen_positions(state) - np.asarray(viewport.topleft)
        if self.view == TREE:
            self._draw_tree_links(layer, state)
        else:
            self._draw_ties(layer, state, xy, selection.person)
        if selection.signal is not None:
            self._draw_paths(layer, state, xy, selection.signal)
        self._draw_people(layer, state, xy, selection)
        return layer

    def _visible(self, xy: np.ndarray, margin: int = 40) -> np.ndarray:
        w, h = self.camera.viewport.size
        return (xy[:, 0] > -margin) & (xy[:, 0] < w + margin) & (xy[:, 1] > -margin) & (xy[:, 1] < h + margin)

    def _draw_tree_links(self, layer: pygame.Surface, state: GameState) -> None:
        self._tree_layout(state)
        seg = self._segments * self.camera.scale
        seg[:, [0, 2]] += self.camera.offset[0] - self.camera.viewport.left
        seg[:, [1, 3]] += self.camera.offset[1] - self.camera.viewport.top
        w, h = layer.get_size()
        keep = (np.maximum(seg[:, 0], seg[:, 2]) >= 0) & (np.minimum(seg[:, 0], seg[:, 2]) <= w)
        keep &= (np.maximum(seg[:, 1], seg[:, 3]) >= 0) & (np.minimum(seg[:, 1], seg[:, 3]) <= h)
        colour = _blend(self.app.palette.background, self.app.palette.hierarchy, 0.45)
        width = 2 if self.camera.scale >= 0.4 else 1
        for x0, y0, x1, y1 in seg[keep].tolist():
            pygame.draw.line(layer, colour, (x0, y0), (x1, y1), width)

    def _draw_ties(self, layer: pygame.Surface, state: GameState, xy: np.ndarray, person: int | None) -> None:
        net = state.scenario.network
        source = net.edge_source
        known = state.known_edge & (source < net.indices)
        a, b = source[known], net.indices[known]
        visible = self._visible(xy)
        show = visible[a] | visible[b]
        faint = _blend(self.app.palette.background, self.app.palette.network, 0.35)
        for p, q in zip(a[show].tolist(), b[show].tolist()):
            pygame.draw.line(layer, faint, xy[p], xy[q], 1)
        if person is not None:
            mine = (a == person) | (b == person)
            for p, q in zip(a[mine].tolist(), b[mine].tolist()):
                lines.dashed_line(layer, self.app.palette.network, xy[p], xy[q], 2)

    def _draw_paths(self, layer: pygame.Surface, state: GameState, xy: np.ndarray, signal: int) -> None:
        """How the selected signal travelled so far, in each flow's colour and line style."""
        people = np.flatnonzero(state.knows[signal] & (state.learned_from[signal] >= 0))
        visible = self._visible(xy)
        source = state.learned_from[signal, people]
        people = people[visible[people] | visible[source]]
        if len(people) > 400:  # a broadcast to a crowd: its lines would hide the chart
            people = people[state.learned_via[signal, people] != VIA_CHANNEL]
        colours = self._flow_colours()
        for person in people.tolist():
            via = int(state.learned_via[signal, person])
            origin = int(state.learned_from[signal, person])
            lines.styled_line(layer, colours.get(via, colours[VIA_HIERARCHY]), xy[origin], xy[person], via, 2)

    def _flow_colours(self) -> dict[int, tuple[int, int, int]]:
        p = self.app.palette
        return {VIA_HIERARCHY: p.hierarchy, VIA_CHANNEL: p.channel, VIA_NETWORK: p.network}

    def _draw_people(self, layer: pygame.Surface, state: GameState, xy: np.ndarray, selection: Selection) -> None:
        org, palette = state.scenario.org, self.app.palette
        visible = np.flatnonzero(self._visible(xy))
        radius = self.radius()
        signal = selection.signal
        aggregate = self.view == TREE and self.camera.scale * STACK_ROW < AGGREGATE_ROW
        if aggregate:
            visible = visible[~self._tree.stacked[visible]]
            self._draw_aggregates(layer, state, signal)
        knows = state.knows[signal] if signal is not None else np.zeros(org.size, dtype=bool)
        fidelity = state.fidelity[signal] if signal is not None else np.zeros(org.size)
        departments = palette.departments
        blits = []
        for person in visible.tolist():
            dept = int(org.department[person])
            tenths = shapes.fill_tenths(bool(knows[person]), float(fidelity[person]))
            sprite = shapes.sprite(shapes.shape_of(dept), departments[dept % len(departments)], radius, tenths)
            half = sprite.get_width() / 2
            blits.append((sprite, (xy[person][0] - half, xy[person][1] - half)))
        layer.blits(blits, doreturn=False)
        self._draw_marks(layer, state, xy, visible, selection, radius)
        self._draw_labels(layer, state, xy, visible, selection, radius)

    def _draw_aggregates(self, layer: pygame.Surface, state: GameState, signal: int | None) -> None:
        """Zoomed far out: each stacked team is one bar, filled by the share of its members who know."""
        tree = self._tree
        people = np.flatnonzero(tree.stacked)
        bosses = state.hierarchy.manager[people]
        count = np.bincount(bosses, minlength=state.size)
        knowing = (
            np.bincount(bosses, weights=state.knows[signal, people], minlength=state.size)
            if signal is not None
            else np.zeros(state.size)
        )
        top = np.full(state.size, np.inf)
        np.minimum.at(top, bosses, tree.xy[people, 1])
        bottom = np.full(state.size, -np.inf)
        np.maximum.at(bottom, bosses, tree.xy[people, 1])
        owners = np.flatnonzero(count)
        scale, (ox, oy) = self.camera.scale, self.camera.offset
        ox -= self.camera.viewport.left
        oy -= self.camera.viewport.top
        width = max(3, int(STACK_ROW * 0.4 * scale * 4))
        org, departments = state.scenario.org, self.app.palette.departments
        for boss in owners.tolist():
            x = tree.spine_x[people[bosses == boss][0]] * scale + ox
            y0, y1 = top[boss] * scale + oy, bottom[boss] * scale + oy
            if x < -10 or x > layer.get_width() + 10:
                continue
            rect = pygame.Rect(int(x), int(y0), width, max(int(y1 - y0), 3))
            colour = departments[int(org.department[boss]) % len(departments)]
            pygame.draw.rect(layer, shapes.HOLLOW, rect)
            share = knowing[boss] / count[boss]
            if share > 0:
                filled = max(1, int(rect.height * share))
                pygame.draw.rect(layer, colour, (rect.left, rect.bottom - filled, rect.width, filled))
            pygame.draw.rect(layer, colour, rect, 1)

    def _draw_marks(
        self, layer, state: GameState, xy: np.ndarray, visible: np.ndarray, selection: Selection, radius: int
    ) -> None:
        palette = self.app.palette
        away = visible[state.absent_until[visible] > state.turn]
        for person in away.tolist():
            x, y = xy[person]
            pygame.draw.line(
                layer, palette.text_dim, (x - radius - 3, y + radius + 3), (x + radius + 3, y - radius - 3), 3
            )
        if selection.signal is not None:
            exploiter = int(state.exploiter[selection.signal])
            if exploiter >= 0:
                _star(layer, palette.good, xy[exploiter] + (radius + 2, -radius - 2), max(radius * 0.7, 6))
        if selection.person is not None:
            pygame.draw.circle(layer, palette.focus, xy[selection.person], radius + 7, 3)

    def _draw_labels(
        self, layer, state: GameState, xy: np.ndarray, visible: np.ndarray, selection: Selection, radius: int
    ) -> None:
        """Names (and role tags) of the people shown; leaders first, so no line crosses a label drawn later."""
        placed = self._place_labels(layer.get_rect(), state, xy, visible, selection, radius)
        self.placed_labels = {label.person: label.rect for label in placed}
        palette = self.app.palette
        for label in placed:
            if label.moved:  # away from its marker: a leader line shows whose label it is
                x, y = xy[label.person]
                end = (min(max(x, label.rect.left), label.rect.right), min(max(y, label.rect.top), label.rect.bottom))
                leader = palette.good if label.tag is not None else palette.text_dim
                pygame.draw.line(layer, leader, (x, y), end, 2)
                pygame.draw.circle(layer, leader, (x, y), radius + 3, 2)
        for label in placed:
            if label.backed:  # the labels that matter stay legible over links and other markers
                backing = pygame.Surface(label.rect.size, pygame.SRCALPHA)
                backing.fill((*palette.background, LABEL_BACKING_ALPHA))
                layer.blit(backing, label.rect.topleft)
            layer.blit(label.image, label.rect.topleft)
            if label.tag is not None:
                layer.blit(label.tag, (label.rect.right - label.tag.get_width(), label.rect.top + 2))

    def _place_labels(
        self,
        bounds: pygame.Rect,
        state: GameState,
        xy: np.ndarray,
        visible: np.ndarray,
        selection: Selection,
        radius: int,
    ) -> list[PlacedLabel]:
        """Where each label goes: the selected person and people with a role first, moved if they must; then
        everyone else the zoom allows, skipped where they would cover a label already placed."""
        scale = self.camera.scale / self.app.scale  # labels grow with the text size
        if self.view == TREE:
            everyone = scale >= SHORT_NAME_SCALE
            short = scale < FULL_NAME_SCALE
        else:
            everyone = scale >= NETWORK_LABEL_SCALE
            short = False
        on_screen = set(visible.tolist())
        first = [p for p in (selection.person,) if p is not None]
        first += [p for p in selection.roles if p in on_screen and p not in first]
        rest = [p for p in visible.tolist() if p not in selection.roles and p != selection.person] if everyone else []
        placed: list[PlacedLabel] = []
        taken: list[pygame.Rect] = []
        for person in first + rest:
            image = self._label(state, person, person == selection.person, short and person != selection.person)
            x, y = xy[person]
            rect = image.get_rect(topleft=(x + radius + 6, y - image.get_height() / 2))
            role = selection.roles.get(person)
            tag = self._role_tag(role) if role is not None else None
            if tag is not None:
                rect.width += tag.get_width() + 4
            left = rect.move(int(x - radius - 6) - rect.right, 0)  # the same label on the marker's left
            if rect.right > bounds.width:  # at the right edge: the name goes on the left of the marker
                rect = left
            natural, important = rect, person not in rest
            if rect.collidelist(taken) >= 0:
                if not important:
                    continue
                rect = _free_spot((natural, left), taken, bounds)
            taken.append(rect)
            placed.append(PlacedLabel(person, image, tag, rect, rect not in (natural, left), important))
        return placed

    def _role_tag(self, role: str) -> pygame.Surface:
        """A person's part in the selected signal ("can exploit", "approves"): a small tag after the name."""
        key = ("role", role, self.app.scale)
        if key not in self._labels:
            font = self.app.font(LABEL_PX - 3, True)
            image = font.render(role, True, self.app.palette.background)
            pad = 3
            tag = pygame.Surface((image.get_width() + 2 * pad, image.get_height()), pygame.SRCALPHA)
            pygame.draw.rect(tag, self.app.palette.good, tag.get_rect(), border_radius=4)
            tag.blit(image, (pad, 0))
            self._labels[key] = tag
        return self._labels[key]

    def _label(self, state: GameState, person: int, bold: bool, short: bool = False) -> pygame.Surface:
        key = (person, self.app.settings.language, self.app.scale, bold, short)
        if key not in self._labels:
            name = self.app.text(state.scenario.org.names[person])
            if short:
                name = short_name(name)
            colour = self.app.palette.text if bold else self.app.palette.text_dim
            self._labels[key] = self.app.font(LABEL_PX, bold).render(name, True, colour)
        return self._labels[key]

    def _draw_animation(self, surface: pygame.Surface, xy: np.ndarray, anim: Animation, signal: int | None) -> None:
        colours = self._flow_colours()
        flows = anim.flows
        fade = 1.0 - anim.progress
        for sender, receiver, via in zip(flows.sender.tolist(), flows.receiver.tolist(), flows.via.tolist()):
            trail = _blend(self.app.palette.background, colours[via], 0.35 + 0.5 * fade)
            lines.styled_line(surface, trail, xy[sender], xy[receiver], via, 2)
        tokens = anim.token_positions(xy)
        for (x, y), via in zip(tokens.tolist(), flows.via.tolist()):
            lines.token(surface, colours[via], (x, y), via)
        pulse = int(self.radius() + 6 + 18 * anim.progress)
        for person in anim.flows.origins[:, 1].tolist() if len(anim.flows.origins) else []:
            pygame.draw.circle(surface, self.app.palette.focus, xy[person], pulse, 3)


def _free_spot(places: tuple[pygame.Rect, ...], taken: list[pygame.Rect], bounds: pygame.Rect) -> pygame.Rect:
    """The nearest spot to `places` (a label right or left of its marker) inside `bounds` that clears the labels
    already placed: up to four lines up or down, then also half a label aside; else the first place as it is."""
    for aside in (0, 0.5, -0.5):
        for away in (0, 1, -1, 2, -2, 3, -3, 4, -4):
            for place in places:
                moved = place.move(round(aside * place.width), away * place.height)
                if bounds.contains(moved) and moved.collidelist(taken) < 0:
                    return moved
    return places[0]


@dataclass(frozen=True)
class PlacedLabel:
    """One person's label on the map: the name, its role tag, where it goes, and how it is drawn."""

    person: int
    image: pygame.Surface
    tag: pygame.Surface | None
    rect: pygame.Rect
    moved: bool  # away from its marker's line: drawn with a leader line
    backed: bool  # the selected person or someone with a role: drawn over a backing


def short_name(name: str) -> str:
    """ "Léa Moreau" -> "Léa M." (labels that fit a column when zoomed out)."""
    first, _, rest = name.partition(" ")
    return f"{first} {rest[0]}." if rest else first


def _star(surface: pygame.Surface, colour: tuple, centre: np.ndarray, size: float) -> None:
    cx, cy = float(centre[0]), float(centre[1])
    points = []
    for i in range(10):
        r = size if i % 2 == 0 else size * 0.45
        angle = -np.pi / 2 + i * np.pi / 5
        points.append((cx + r * np.cos(angle), cy + r * np.sin(angle)))
    pygame.draw.polygon(surface, colour, points)
    pygame.draw.polygon(surface, (0, 0, 0), points, 1)


def _tree_segments(hierarchy, tree: TreeLayout) -> np.ndarray:
    """Elbow connectors of the org chart as world segments (x0, y0, x1, y1), built once per hierarchy."""
    xy, spine, manager = tree.xy, tree.spine_x, hierarchy.manager
    people = np.flatnonzero(manager >= 0)
    bosses = manager[people]
    mid = xy[bosses, 1] + LEVEL / 2
    drops = np.column_stack((spine[people], mid, spine[people], xy[people, 1]))
    stacked = people[tree.stacked[people]]
    ticks = np.column_stack((spine[stacked], xy[stacked, 1], xy[stacked, 0], xy[stacked, 1]))
    owners = np.flatnonzero(np.diff(hierarchy.child_ptr) > 0)
    owner_mid = xy[owners, 1] + LEVEL / 2
    stubs = np.column_stack((xy[owners, 0], xy[owners, 1], xy[owners, 0], owner_mid))
    left = np.full(len(manager), np.inf)
    right = np.full(len(manager), -np.inf)
    np.minimum.at(left, bosses, spine[people])
    np.maximum.at(right, bosses, spine[people])
    left[owners] = np.minimum(left[owners], xy[owners, 0])
    right[owners] = np.maximum(right[owners], xy[owners, 0])
    bars = np.column_stack((left[owners], owner_mid, right[owners], owner_mid))
    return np.concatenate((drops, ticks, stubs, bars)).astype(np.float64)
