# Workbooks written by the real spreadsheet writers (issue 27, Deliver 8): each layout a
# survey tool exports, as CSV, opened and saved by LibreOffice Calc, converted by
# Gnumeric's ssconvert and written by xlsxwriter (tests/fixtures/import/real-writers/,
# made by its make.sh, which the tests never run). Each workbook must give the very
# answers its CSV source gives (tests/golden/real-writers/LAYOUT.answers), or be
# refused with the option that reads it. See tests/cli/real_writer_golden.sh.
set(real_writers tests/fixtures/import/real-writers)
set(import_fx tests/fixtures/import)

function(stagegap_real_writer_test name layout expected_exit)
    add_test(NAME cli_real-writer-${name}
        COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/cli/real_writer_golden.sh ${STAGEGAP_CLI}
                ${name} ${layout} ${expected_exit} ${ARGN}
        WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
endfunction()

# LAYOUT, its CSV source, and the options that read it (with ',' between them).
set(layouts
    "ms-forms|${import_fx}/ms-forms.csv|--map,${import_fx}/ms-forms.map.yaml"
    "ms-forms-likert|${real_writers}/src/ms-forms-likert.csv|--map,${real_writers}/src/ms-forms-likert.map.yaml"
    "google-forms|${import_fx}/google-forms.csv|--map,${import_fx}/google-forms.map.yaml"
    "google-forms-grid|${import_fx}/google-forms-grid.csv|--map,${import_fx}/google-forms-grid.map.yaml"
    "qualtrics-numeric|${import_fx}/qualtrics.csv|--map,${import_fx}/ms-forms.map.yaml,--scale,0..10"
    "qualtrics-choice|${real_writers}/src/qualtrics-choice.csv|--map,${import_fx}/ms-forms.map.yaml"
    "surveymonkey-nogrid|${import_fx}/surveymonkey-nogrid.csv|--map,${import_fx}/ms-forms.map.yaml"
    "surveymonkey-merged|${import_fx}/surveymonkey.csv|--map,${import_fx}/ms-forms.map.yaml"
    "smart-survey|${real_writers}/src/smart-survey.csv|--map,${real_writers}/src/smart-survey.map.yaml")
foreach(entry ${layouts})
    string(REPLACE "|" ";" parts "${entry}")
    list(GET parts 0 layout)
    list(GET parts 1 source)
    list(GET parts 2 options)
    string(REPLACE "," ";" options "${options}")
    # The CSV source: its answers are the layout's golden.
    stagegap_real_writer_test(${layout}.csv ${layout} 0
        --csv ${source} ${options} --organisation "Anytown Council")
    foreach(writer libreoffice gnumeric xlsxwriter)
        stagegap_real_writer_test(${layout}.${writer} ${layout} 0
            --xlsx ${real_writers}/${layout}.${writer}.xlsx ${options}
            --organisation "Anytown Council")
    endforeach()
endforeach()

# Refused, each with the option that reads it: Qualtrics' numeric values without the
# scale said (--scale), a Likert workbook's labels without a value map (--map with
# values:), Smart Survey's own columns without a mapping file (--map), and an
# OpenDocument spreadsheet saved by LibreOffice (save it as .xlsx), as --xlsx and --csv.
foreach(writer libreoffice gnumeric xlsxwriter)
    stagegap_real_writer_test(qualtrics-numeric.${writer}-no-scale qualtrics-numeric 3
        --xlsx ${real_writers}/qualtrics-numeric.${writer}.xlsx
        --map ${import_fx}/ms-forms.map.yaml --organisation "Anytown Council")
endforeach()
stagegap_real_writer_test(ms-forms-likert.gnumeric-no-values ms-forms-likert 3
    --xlsx ${real_writers}/ms-forms-likert.gnumeric.xlsx --organisation "Anytown Council")
stagegap_real_writer_test(smart-survey.libreoffice-no-map smart-survey 3
    --xlsx ${real_writers}/smart-survey.libreoffice.xlsx --organisation "Anytown Council")
stagegap_real_writer_test(survey.libreoffice.ods-as-xlsx none 3
    --xlsx ${real_writers}/survey.libreoffice.ods --organisation "Anytown Council")
stagegap_real_writer_test(survey.libreoffice.ods-as-csv none 3
    --csv ${real_writers}/survey.libreoffice.ods --organisation "Anytown Council")
