#!/usr/bin/env python3
"""Writes bash and zsh completions for the tools from their --help output, so they follow
the options as they change: completions.py OUTDIR TOOL... writes OUTDIR/bash/NAME and
OUTDIR/zsh/_NAME for every TOOL, and for the umbrella `tmk` (which runs tmk-NAME) ones that
complete the tool names and then that tool's options."""
import os
import re
import subprocess
import sys

# "  -j,--jobs UINT:NONNEGATIVE=0   Worker threads": an option's names, then (after one space)
# the type of its value if it takes one; its description starts at the column of --help's
# description, or on the next line when the names and type reach past that column.
OPTION = re.compile(r"^  ((?:-\w,)?--[\w-]+)(?: (.*))?$")


class Option:
    def __init__(self, names, value, description):
        self.names = names.split(",")
        self.value = value  # None for a flag
        self.description = description
        # A choice shows what users type: "text|lines|jsonl|tsv|csv (default text)", a list of
        # them "a|b|c[,...]".
        choices = re.match(r"([\w-]+(?:\|[\w-]+)+)", value or "")
        self.choices = choices.group(1).split("|") if choices else []
        self.number = bool(re.match(r"(U?INT|FLOAT|NUMBER|N\b)", value or ""))
        self.repeatable = bool(value) and value.endswith("...")


def parse_help(tool):
    lines = subprocess.run([tool, "--help"], capture_output=True, text=True, check=True).stdout.splitlines()
    column = next((line.index("Print this help") for line in lines if "Print this help" in line), None)
    if column is None:
        return []  # the umbrella tmk: no option list, only its tools
    options = []
    for i, line in enumerate(lines):
        m = OPTION.match(line)
        if not m:
            continue
        if len(line) > column and line[column - 1] == " " and line[column] != " ":
            spec, description = line[:column].strip(), line[column:].strip()
        else:
            spec, description = line.strip(), lines[i + 1].strip() if i + 1 < len(lines) else ""
        value = spec[len(m.group(1)):].strip()
        options.append(Option(m.group(1), value or None, description))
    return options


def function_name(name):
    return "_" + name.replace("-", "_")


def bash_function(name, options):
    choices = [o for o in options if o.choices]
    words = " ".join(n for o in options for n in o.names)
    out = [f"{function_name(name)}() {{",
           "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}"]
    if choices:
        out.append("  case $prev in")
        for o in choices:
            out.append(f"    {'|'.join(o.names)}) COMPREPLY=($(compgen -W '{' '.join(o.choices)}' -- \"$cur\")); return ;;")
        out.append("  esac")
    # Anything else is a file, a directory or an option's value: readline's own completion
    # (complete -o default) offers files when COMPREPLY is empty.
    out += ["  COMPREPLY=()",
            f"  [[ $cur == -* ]] && COMPREPLY=($(compgen -W '{words}' -- \"$cur\"))",
            "}"]
    return out


def zsh_quote(text):
    return "'" + text.replace("'", "'\\''") + "'"


def zsh_specs(options):
    specs = []
    for o in options:
        description = re.split(r"[;.] ", o.description)[0].replace("\\", "\\\\")
        description = description.replace("[", "\\[").replace("]", "\\]").replace(":", "\\:")
        if o.value is None:
            action = ""
        elif o.choices:
            action = ":value:(" + " ".join(o.choices) + ")"
        elif o.number:
            action = ":number: "
        else:
            action = ":value:_files"
        for n in o.names:
            specs.append(zsh_quote(("*" if o.repeatable else "") + f"{n}[{description}]{action}"))
    return specs + [zsh_quote("*:file:_files")]


def main():
    outdir, tools = sys.argv[1], sys.argv[2:]
    os.makedirs(f"{outdir}/bash", exist_ok=True)
    os.makedirs(f"{outdir}/zsh", exist_ok=True)
    helps = {os.path.basename(t): parse_help(t) for t in tools}
    header = "# Generated from the tools' --help by tmk's cmake/completions.py; do not edit."
    subtools = sorted(n for n in helps if n.startswith("tmk-"))
    for name, options in helps.items():
        bash = [header]
        zsh = [f"#compdef {name}", header]
        if name == "tmk":
            for sub in subtools:
                bash += bash_function(sub, helps[sub])
            bash += ["_tmk() {",
                     "  if [ \"$COMP_CWORD\" -eq 1 ]; then",
                     f"    COMPREPLY=($(compgen -W '{' '.join(s[4:] for s in subtools)} --help --version' -- \"${{COMP_WORDS[1]}}\"))",
                     "    return",
                     "  fi",
                     "  local tool=_tmk_${COMP_WORDS[1]//-/_}",
                     "  COMPREPLY=()",
                     "  declare -F \"$tool\" >/dev/null && \"$tool\"",
                     "}"]
            zsh += ["local context state state_descr line",
                    "typeset -A opt_args",
                    "_arguments -C '1:tool:(" + " ".join(s[4:] for s in subtools) + ")' '*::argument:->argument'",
                    "[[ $state == argument ]] || return",
                    "case $words[1] in"]
            for sub in subtools:
                zsh += [f"  {sub[4:]}) _arguments -s \\"] + [f"      {s} \\" for s in zsh_specs(helps[sub])[:-1]] + \
                       [f"      {zsh_specs(helps[sub])[-1]} ;;"]
            zsh += ["esac"]
        else:
            bash += bash_function(name, options)
            specs = zsh_specs(options)
            zsh += ["_arguments -s \\"] + [f"  {s} \\" for s in specs[:-1]] + [f"  {specs[-1]}"]
        bash.append(f"complete -o default -F {function_name(name)} {name}")
        with open(f"{outdir}/bash/{name}", "w") as f:
            f.write("\n".join(bash) + "\n")
        with open(f"{outdir}/zsh/_{name}", "w") as f:
            f.write("\n".join(zsh) + "\n")


main()
