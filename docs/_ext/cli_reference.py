"""A Sphinx directive that writes the command-line reference from the real argument parser.

``chronology.cli.build_parser()`` is the one description of the command line:
the ``chronology-cli`` directive walks it and turns every command, argument,
choice and default into the page, so the reference cannot drift from the code.
The page gives each command a Markdown heading (so that other pages, and
GitHub, can link to it) and a ``chronology-cli`` block naming it; the build
fails if a command of the parser has none.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import Directive
from sphinx.application import Sphinx

WIDTH = 64  # usage lines are wrapped at a fixed width (that of the page), whatever the terminal


def usage(parser: argparse.ArgumentParser) -> str:
    """The usage line of ``parser``, wrapped at :data:`WIDTH` columns."""
    formatter = argparse.HelpFormatter(prog=parser.prog, width=WIDTH)
    formatter.add_usage(parser.usage, parser._actions, parser._mutually_exclusive_groups, prefix="usage: ")
    return formatter.format_help().strip()


def subcommands(parser: argparse.ArgumentParser) -> list[tuple[str, str, argparse.ArgumentParser]]:
    """(name, one-line help, parser) of each command, in the order they were added."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help or "" for choice in action._choices_actions}
            return [(name, helps.get(name, ""), sub) for name, sub in action.choices.items()]
    return []


def synopsis(action: argparse.Action) -> str:
    """How an argument is written: ``FILE``, ``--from DATE``, ``-o, --output OUT``."""
    if not action.option_strings:
        name = action.metavar if isinstance(action.metavar, str) else action.dest.upper()
        if action.nargs in ("+", "*"):
            return f"{name} ..."
        return name
    if action.nargs == 0:
        return ", ".join(action.option_strings)
    if isinstance(action.metavar, str):
        value = action.metavar
    elif action.choices is not None:
        value = "{" + ",".join(str(choice) for choice in action.choices) + "}"
    else:
        value = action.dest.upper()
    return ", ".join(f"{option} {value}" for option in action.option_strings)


def details(action: argparse.Action, exclusive: dict[int, list[str]]) -> str:
    """What the argument does, then what it accepts and what it defaults to."""
    several = action.nargs in ("+", "*") and not action.option_strings
    if action.help and action.help != argparse.SUPPRESS:
        parts = [action.help.rstrip(".")]
    elif action.metavar == "FILE":  # the event files most commands read
        parts = ["event files, with the files they include" if several else "an event file"]
    else:
        parts = []
    if action.choices is not None:
        parts.append("one of " + ", ".join(str(choice) for choice in action.choices))
    if several:
        parts.append("one or more" if action.nargs == "+" else "any number")
    if action.option_strings and action.required:
        parts.append("required")
    appended = isinstance(action, argparse._AppendAction)
    shown_default = action.default not in (None, False, [], "", argparse.SUPPRESS) and not appended
    if shown_default and "default" not in (action.help or ""):
        parts.append(f"default: {action.default}")
    if id(action) in exclusive:
        parts.append("not with " + ", ".join(exclusive[id(action)]))
    text = "; ".join(part for part in parts if part)
    return text + "." if text else ""


def exclusions(parser: argparse.ArgumentParser) -> dict[int, list[str]]:
    """For each argument in a mutually exclusive group, the options it cannot be combined with."""
    found: dict[int, list[str]] = {}
    for group in parser._mutually_exclusive_groups:
        for action in group._group_actions:
            others = [other.option_strings[-1] for other in group._group_actions if other is not action]
            found.setdefault(id(action), []).extend(others)
    return found


def literal(text: str) -> nodes.literal_block:
    """A block of console text."""
    block = nodes.literal_block(text, text)
    block["language"] = "text"
    return block


def paragraph(text: str) -> nodes.paragraph:
    """A paragraph of plain text."""
    return nodes.paragraph(text, text)


class CommandLineReference(Directive):
    """``chronology-cli``: the command line as a whole, or with a command's name, that command.

    Without an argument it writes the usage, the list of commands and the exit
    codes, and warns (an error under ``-W``) about every command of the parser
    that has no section of its own on the page, so that a new command cannot be
    left out. With a command's name it writes that command's description,
    usage, every argument and the example.
    """

    has_content = False
    optional_arguments = 1

    def run(self) -> list[nodes.Node]:
        """Build the nodes of the reference."""
        from chronology.cli import build_parser

        parser = build_parser()
        commands = {name: (summary, command) for name, summary, command in subcommands(parser)}
        if self.arguments:
            name = self.arguments[0]
            if name not in commands:
                raise self.error(f"chronology has no command {name!r}; it has {', '.join(commands)}")
            return self.command(commands[name][1])
        return self.overview(parser, {name: summary for name, (summary, _) in commands.items()})

    def overview(self, parser: argparse.ArgumentParser, summaries: dict[str, str]) -> list[nodes.Node]:
        """Usage, description, the commands with their one-line help, and the exit codes."""
        result: list[nodes.Node] = [literal(usage(parser))]
        if parser.description:
            result.append(paragraph(parser.description))
        table = nodes.definition_list()
        for name, summary in summaries.items():
            term = nodes.term()
            term += nodes.literal(name, name)
            definition = nodes.definition()
            definition += paragraph(summary + ".")
            table += nodes.definition_list_item("", term, definition)
        result.append(table)
        if parser.epilog:
            result.append(paragraph(parser.epilog))
        page = Path(self.state.document.current_source).read_text(encoding="utf-8")
        for name in summaries:
            if f"```{{chronology-cli}} {name}\n" not in page:
                result.append(
                    self.state.document.reporter.warning(
                        f"the command {name!r} has no section on this page: add '## chronology {name}' "
                        f"and a chronology-cli block for it",
                        line=self.lineno,
                    )
                )
        return result

    def command(self, command: argparse.ArgumentParser) -> list[nodes.Node]:
        """One command: description, usage, arguments, example."""
        result: list[nodes.Node] = []
        if command.description:
            result.append(paragraph(command.description))
        result.append(literal(usage(command)))
        rows = nodes.definition_list()
        exclusive = exclusions(command)
        for action in command._actions:
            if isinstance(action, argparse._HelpAction):
                continue
            term = nodes.term()
            written = synopsis(action)
            term += nodes.literal(written, written)
            definition = nodes.definition()
            definition += paragraph(details(action, exclusive))
            rows += nodes.definition_list_item("", term, definition)
        result.append(rows)
        if command.epilog:
            result.append(paragraph("Example:"))
            block = literal(command.epilog.removeprefix("example: "))
            block["language"] = "sh"
            result.append(block)
        return result


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directive."""
    app.add_directive("chronology-cli", CommandLineReference)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
