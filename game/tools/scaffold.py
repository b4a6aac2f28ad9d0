"""`new FILE`: a commented starter scenario that validates and plays, for an author to edit."""

from __future__ import annotations

import os
from pathlib import Path

from game.files import write_atomically
from game.invocation import command_name
from game.tools.schema_file import SCHEMA_PATH


class Refused(Exception):
    """The file exists and overwriting was not asked for."""


def schema_comment(target: Path) -> str:
    """The yaml-language-server line pointing from `target` to the committed schema."""
    relative = os.path.relpath(SCHEMA_PATH.resolve(), target.resolve().parent)
    return f"# yaml-language-server: $schema={Path(relative).as_posix()}"


def write_starter(path: Path, force: bool = False) -> Path:
    """Write the starter scenario at `path`; refuses an existing file unless `force`."""
    if path.exists() and not force:
        raise Refused(f"{path} already exists; add --force to overwrite it")
    write_atomically(path, starter_text(path))
    return path


def starter_text(path: Path) -> str:
    """The starter, with a scenario id made from the file name."""
    slug = "".join(c if c.isalnum() or c in "_-" else "-" for c in path.stem) or "my-scenario"
    return schema_comment(path) + "\n" + STARTER.replace("__ID__", slug).replace("__COMMAND__", command_name())


STARTER = """\
# A starter scenario. Every key is explained in docs/authoring.md; your editor
# completes keys and shows their meaning when it reads the schema named above.
# Check your changes with:  __COMMAND__ validate THIS_FILE
# See the organisation:      __COMMAND__ preview THIS_FILE --out org.png
# See which strategy wins:   __COMMAND__ balance THIS_FILE --runs 200
format: 1
id: __ID__                      # letters, digits, '_' and '-'; must be unique among your scenarios
title:                          # every text is a plain string, or one version per language
  en: "The warning from the warehouse"
  fr: "L'alerte de l'entrepôt"
summary:
  en: >
    A warehouse picker notices that a supplier's parcels arrive damaged. Only
    the purchasing team can switch supplier, and the rival buys from the same one.
  fr: >
    Un préparateur remarque que les colis d'un fournisseur arrivent abîmés.
    Seuls les achats peuvent changer de fournisseur, et le concurrent achète
    chez le même.
language: en                    # language of plain (non-map) texts
turns: 16                       # length of the game
turn_unit: day                  # what a turn stands for
action_points: 3                # actions per team per turn
seed: 5                         # default random seed: the same seed gives the same game

visibility:                     # the fog of war: WHO knows what is hidden until discovered
  network: known                # 'hidden': informal ties appear only once used or asked about
  skills: hidden                # 'hidden': players must find who can exploit a signal

organization:
  departments:                  # optional; otherwise made from the ids people use
    - {id: exec, name: {en: Management, fr: Direction}}
    - {id: logistics, name: {en: Logistics, fr: Logistique}}
    - {id: purchasing, name: {en: Purchasing, fr: Achats}}
  people:                       # exactly one person (the top) has no manager
    - id: ceo
      name: Hélène Robert
      title: {en: Managing director, fr: Directrice générale}
      department: exec
      spokesperson: true        # may publish on broadcast channels
    - id: head_logistics
      name: Paul Martin
      title: {en: Head of logistics, fr: Directeur logistique}
      department: logistics
      manager: ceo
      availability: 0.6         # chance to act on their inbox in a turn: busy managers slow the hierarchy
    - id: shift_lead
      name: Nadia Benali
      title: {en: Shift leader, fr: Cheffe d'équipe}
      manager: head_logistics   # the department defaults to the manager's
      scepticism: 0.3           # chance to shelve or oppose what they hear
    - id: picker_leo
      name: Léo Petit
      title: {en: Picker, fr: Préparateur}
      manager: shift_lead
      openness: 0.9             # chance to relay on the informal network
      skills: [warehouse]
    - id: head_purchasing
      name: Inès Moreau
      title: {en: Head of purchasing, fr: Directrice des achats}
      department: purchasing
      manager: ceo
    - id: buyer_sam
      name: Sam Girard
      title: {en: Buyer, fr: Acheteur}
      manager: head_purchasing
      skills: [suppliers]       # skills are on people regardless of rank: the org chart hides them
  generate:                     # people you do not need to write out one by one
    - under: shift_lead
      count: 12
      title: {en: Picker, fr: Préparateur}
      skills: {warehouse: 0.5}  # share of them with this skill
    - under: head_purchasing
      count: 6
      title: {en: Buyer, fr: Acheteur}
      skills: {suppliers: 0.3}
  network:                      # the informal network: fast, leaky, distortable
    model: small_world          # or scale_free, or none (only the ties below)
    mean_degree: 3
    homophily: 0.7              # share of generated ties inside a department
    ties:
      - [picker_leo, buyer_sam, 0.6]   # an explicit tie, with its strength in (0, 1]
    communities:                # WHAT: people gather around topics
      - id: football_club
        name: {en: Five-a-side football, fr: Foot à cinq}
        topics: [suppliers]
        members: {people: [picker_leo, shift_lead, buyer_sam]}

validation:                     # who must approve before an official broadcast
  - {id: direction_review, by: ceo, delay: 2}

channels:                       # WHEN and WHERE: official channels fire on a schedule
  - id: team_meeting
    name: {en: Team meeting, fr: Réunion d'équipe}
    kind: team_meeting          # a manager and their direct reports
    every: 4
    attention: 0.8
  - id: all_hands
    name: {en: All-hands, fr: Réunion générale}
    audience: all               # or {department: id}, {max_level: N}, {min_level: N}, {subtree: person}
    every: 7
    offset: 3
    attention: 0.3              # broadcasts reach many and are absorbed by few
    validation: direction_review

signals:
  - id: damaged_parcels
    title: {en: "A supplier's parcels arrive damaged", fr: "Les colis d'un fournisseur arrivent abîmés"}
    appears: {turn: 1, at: picker_leo}
    topics: [suppliers, warehouse]
    value: 100                  # points at appearance
    decay: 0.06                 # share of the value lost per turn
    virality: 0.25              # chance per tie and turn to spread on its own
    distortion: 0.05            # fidelity lost per network hop
    sensitivity: 0.15           # chance per network share that it leaks to the rival
    exploit:
      skills: [suppliers]       # who can turn it into value
      min_fidelity: 0.6
      approval: {level: 1}      # the exploiter's line manager at level 1 must know it
      effort: 2                 # turns of work
  - id: price_rumour
    title: {en: "The rival is cutting its prices", fr: "Le concurrent baisse ses prix"}
    genuine: false              # a rumour: exploiting it costs points; validation exposes it
    appears: {turn: 3, at: shift_lead}
    topics: [suppliers]
    virality: 0.35
    exploit: {skills: [suppliers], effort: 1}

competitor:
  name: {en: Rival Logistics, fr: Logistique Rivale}
  style: balanced               # hierarchical, balanced or agile: sets default reaction times
  reaction:
    damaged_parcels: {mean: 9, spread: 2}   # turns until the rival exploits it
  leak_gain: 2                  # turns the rival gains per leak

events:
  - turn: 4
    kind: absence
    person: head_logistics
    duration: 3
    text: {en: "The head of logistics is at a trade fair.", fr: "Le directeur logistique est sur un salon."}

objectives:
  - {en: "Find who can act on a signal", fr: "Trouver qui peut agir sur un signal"}
  - {en: "Combine the network's speed with the hierarchy's approval", fr: "Allier la vitesse du réseau et l'accord de la hiérarchie"}
debrief_questions:
  - {en: "Who knew first, and who needed to know?", fr: "Qui a su en premier, et qui devait savoir ?"}
"""
