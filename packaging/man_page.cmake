# Writes a roff man page for the semitco command line from its own --help texts: the top-level help, then
# one section per command. cmake -DPROGRAM=<semitco> -DOUT=<semitco.1> -DVERSION=<x.y.z> -P man_page.cmake
set(commands simulate compare tco batch scenario route vehicles)

function(help_of out)
  execute_process(COMMAND ${PROGRAM} ${ARGN} --help OUTPUT_VARIABLE text RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${PROGRAM} ${ARGN} --help failed (${rc})")
  endif()
  # The program as a user types it, not the build tree's path CLI11 prints in "Usage:".
  string(REPLACE "${PROGRAM}" "semitco" text "${text}")
  # roff: a backslash is \e; a line starting with . or ' would be a request.
  string(REPLACE "\\" "\\e" text "${text}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

help_of(main)
string(TIMESTAMP today "%Y-%m-%d" UTC)
set(page ".TH SEMITCO 1 \"${today}\" \"semitco ${VERSION}\" \"User Commands\"\n")
string(APPEND page ".SH NAME\nsemitco \\- electric vs diesel Class 8 trucks on your routes: energy, trip time and cost\n")
string(APPEND page ".SH SYNOPSIS\n.B semitco\n[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR]\n")
string(APPEND page ".SH DESCRIPTION\n.nf\n${main}.fi\n.SH COMMANDS\n")
foreach(cmd ${commands})
  help_of(text ${cmd})
  string(APPEND page ".SS semitco ${cmd}\n.nf\n${text}.fi\n")
endforeach()
string(APPEND page ".SH FILES\n.TP\n.I /usr/share/semitco\n"
       "bundled scenarios, routes, vehicles and economics (override with \\fBSEMITCO_RESOURCES_DIR\\fR)\n")
string(APPEND page ".SH SEE ALSO\n.BR semitco-gui (1)\n")
file(WRITE ${OUT} "${page}")
