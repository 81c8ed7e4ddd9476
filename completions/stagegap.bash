# bash completion for stagegap                                   -*- shell-script -*-
_stagegap()
{
    local cur prev cmd i
    COMPREPLY=()
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    local commands="assess init validate rules compare trend plan share benchmark ask import help"

    cmd=""
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
            -*) ;;
            *) cmd=${COMP_WORDS[i]}; break ;;
        esac
    done

    if [[ -z $cmd ]]; then
        COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur"))
        return
    fi

    case $prev in
        --format)
            if [[ $cmd == rules ]]; then
                COMPREPLY=($(compgen -W "text markdown json csv" -- "$cur"))
            elif [[ $cmd == assess ]]; then
                COMPREPLY=($(compgen -W "text markdown json csv html docx odt" -- "$cur"))
            else
                COMPREPLY=($(compgen -W "text markdown json csv html" -- "$cur"))
            fi
            return ;;
        --rules|--map|--plan|--update|--accept|--headcount)
            COMPREPLY=($(compgen -f -X '!*.@(yaml|yml)' -- "$cur") $(compgen -d -- "$cur"))
            return ;;
        --csv)
            COMPREPLY=($(compgen -f -X '!*.@(csv|txt)' -- "$cur") $(compgen -d -- "$cur"))
            return ;;
        --xlsx)
            COMPREPLY=($(compgen -f -X '!*.xlsx' -- "$cur") $(compgen -d -- "$cur"))
            return ;;
        --delimiter)
            COMPREPLY=($(compgen -W "',' ';' tab" -- "$cur"))
            return ;;
        --output)
            COMPREPLY=($(compgen -f -- "$cur"))
            return ;;
        --by)
            COMPREPLY=($(compgen -W "role team locality none" -- "$cur"))
            return ;;
        --encoding)
            COMPREPLY=($(compgen -W "cp1250 cp1251 cp1252 macintosh cp850 cp437 iso-8859-2 utf-8" -- "$cur"))
            return ;;
        --fail-under|--organisation|--date|--min-group|--sheet|--top|--jobs|--scale)
            return ;;
    esac

    local opts
    case $cmd in
        assess)   opts="--rules --format --output --fail-under --by --min-group --attribute --plan --accept --evidence --date --headcount --invited --jobs --help" ;;
        init)     opts="--rules --evidence --output --help" ;;
        validate) opts="--rules --strict --jobs --help" ;;
        rules)    opts="--rules --format --help" ;;
        compare)  opts="--rules --format --output --fail-on-regression --tolerance --allow-model-change --by --min-group --plan --accept --evidence --headcount --jobs --help" ;;
        trend)    opts="--rules --format --output --allow-model-change --by --min-group --evidence --headcount --jobs --help" ;;
        plan)     opts="--rules --output --top --update --accept --jobs --help" ;;
        share)    opts="--rules --output --min-group --headcount --invited --jobs --help" ;;
        benchmark) opts="--rules --format --output --self --as-of --allow-model-change --help" ;;
        ask)      opts="--rules --output --help" ;;
        import)   opts="--csv --xlsx --sheet --delimiter --encoding --output --map --scale --organisation --date --rules --help" ;;
        help)     COMPREPLY=($(compgen -W "$commands" -- "$cur")); return ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    else
        COMPREPLY=($(compgen -f -X '!*.@(yaml|yml)' -- "$cur") $(compgen -d -- "$cur"))
    fi
} &&
    complete -F _stagegap stagegap
