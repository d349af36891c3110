# Man pages (help2man) and bash and zsh completions (completions.py) for the tools, made at
# build time from each tool's --help, so they say what the built tools do; installed with them.
# tmk_man_pages_and_completions(TOOLS...): TOOLS are executable targets; `tmk` among them
# lists the others, so its page and completion wait until all are built.
find_program(HELP2MAN help2man)
if(NOT HELP2MAN)
  message(FATAL_ERROR "help2man not found; the man pages are made with it (scripts/setup installs the Debian package help2man)")
endif()
find_package(Python3 REQUIRED COMPONENTS Interpreter)

function(tmk_man_pages_and_completions)
  set(dir ${CMAKE_CURRENT_FUNCTION_LIST_DIR})
  set(pages "")
  set(bash_completions "")
  set(zsh_completions "")
  set(tool_files "")
  foreach(tool ${ARGN})
    set(page ${PROJECT_BINARY_DIR}/man/${tool}.1)
    set(depends ${tool})
    if(tool STREQUAL "tmk")
      set(depends ${ARGN})
    endif()
    add_custom_command(OUTPUT ${page}
      COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/man
      COMMAND ${CMAKE_COMMAND} -E env HELP2MAN=${HELP2MAN}
        bash ${dir}/man-page.sh $<TARGET_FILE:${tool}> ${PROJECT_VERSION} ${dir}/man.h2m ${page}
      DEPENDS ${depends} ${dir}/man-page.sh ${dir}/man.h2m
      COMMENT "Man page ${tool}.1"
      VERBATIM)
    list(APPEND pages ${page})
    list(APPEND bash_completions ${PROJECT_BINARY_DIR}/completions/bash/${tool})
    list(APPEND zsh_completions ${PROJECT_BINARY_DIR}/completions/zsh/_${tool})
    list(APPEND tool_files $<TARGET_FILE:${tool}>)
  endforeach()
  add_custom_command(OUTPUT ${bash_completions} ${zsh_completions}
    COMMAND ${Python3_EXECUTABLE} ${dir}/completions.py ${PROJECT_BINARY_DIR}/completions ${tool_files}
    DEPENDS ${ARGN} ${dir}/completions.py
    COMMENT "Shell completions"
    VERBATIM)
  add_custom_target(tmk_man_pages_and_completions ALL DEPENDS ${pages} ${bash_completions} ${zsh_completions})
  install(FILES ${pages} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
  install(FILES ${bash_completions} DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
  install(FILES ${zsh_completions} DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
endfunction()
