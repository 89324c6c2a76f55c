# make install and make package (CPack, Debian package). What goes where, relative to the prefix (/usr in
# the .deb):
#   bin/semitco, bin/semitco-gui (when the GUI is built)
#   lib/semitco/libsemitco_dem_gdal.so  the terrain-model module (GDAL), loaded only for --dem; the loader
#                                       looks for it in <prefix>/lib/semitco (terrain/dem_loader.hpp)
#   share/semitco/                      resources/: scenarios, routes, vehicles, economics; found at run time
#                                       beside the programs (core::resources_dir(), app/core/scenario.cpp)
#   share/man/man1/semitco.1.gz         from `semitco --help` and each command's --help (man_page.cmake)
#   share/man/man1/semitco-gui.1.gz     packaging/semitco-gui.1 (the app has no --help to read)
#   share/applications/semitco.desktop, share/icons/hicolor/scalable/apps/semitco.svg
#   lib/python3/dist-packages/semitco/  the Python module (python/CMakeLists.txt)
# The package's runtime dependencies: shared libraries through dpkg-shlibdeps, Python and NumPy by name.
# dpkg-shlibdeps reads every ELF file of the package, the module too: GDAL (libgdal32) stays a dependency
# though no program links it.
install(TARGETS semitco RUNTIME DESTINATION bin)
install(TARGETS semitco_dem_gdal LIBRARY DESTINATION lib/semitco)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/ DESTINATION share/semitco)

find_program(SEMITCO_GZIP gzip)
set(man_dir ${PROJECT_BINARY_DIR}/man)
add_custom_command(
  OUTPUT ${man_dir}/semitco.1
  COMMAND ${CMAKE_COMMAND} -DPROGRAM=$<TARGET_FILE:semitco> -DOUT=${man_dir}/semitco.1
          -DVERSION=${PROJECT_VERSION} -P ${CMAKE_CURRENT_LIST_DIR}/man_page.cmake
  DEPENDS semitco ${CMAKE_CURRENT_LIST_DIR}/man_page.cmake
  COMMENT "man page semitco.1 from semitco --help")
set(man_pages ${man_dir}/semitco.1)
if(SEMITCO_BUILD_GUI)
  configure_file(${CMAKE_CURRENT_LIST_DIR}/semitco-gui.1 ${man_dir}/semitco-gui.1 COPYONLY)
  list(APPEND man_pages ${man_dir}/semitco-gui.1)
endif()
if(SEMITCO_GZIP)
  set(man_files)
  foreach(page ${man_pages})
    add_custom_command(OUTPUT ${page}.gz COMMAND ${SEMITCO_GZIP} -9nkf ${page} DEPENDS ${page})
    list(APPEND man_files ${page}.gz)
  endforeach()
else()
  set(man_files ${man_pages})
endif()
add_custom_target(semitco_man_pages ALL DEPENDS ${man_files})
install(FILES ${man_files} DESTINATION share/man/man1)

if(SEMITCO_BUILD_GUI)
  install(TARGETS semitco-gui RUNTIME DESTINATION bin)
  install(FILES ${CMAKE_CURRENT_LIST_DIR}/semitco.desktop DESTINATION share/applications)
  install(FILES ${CMAKE_CURRENT_LIST_DIR}/semitco.svg DESTINATION share/icons/hicolor/scalable/apps)
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME semitco)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "electric vs diesel Class 8 trucks: energy, trip time and cost of ownership")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "semitco simulates a battery-electric and a diesel Class 8 truck on the same route\n"
    " (grades, stops, brakes, charging) and compares their total cost of ownership.\n"
    " The package holds the command line (semitco), the desktop app (semitco-gui)\n"
    " when built, the Python module semitco and the bundled routes, vehicles and scenarios.")
set(CPACK_PACKAGE_CONTACT "semitco maintainers <semitco@localhost>")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
if(SEMITCO_BUILD_PYTHON)
  # The module is built for this interpreter's ABI (cpython-3XY): that python3, and NumPy for the arrays.
  math(EXPR next_minor "${Python3_VERSION_MINOR} + 1")
  set(CPACK_DEBIAN_PACKAGE_DEPENDS
      "python3 (>= ${Python3_VERSION_MAJOR}.${Python3_VERSION_MINOR}), python3 (<< ${Python3_VERSION_MAJOR}.${next_minor}), python3-numpy")
  set(CPACK_DEBIAN_PACKAGE_SUGGESTS "python3-pandas, python3-matplotlib")
endif()
include(CPack)

# The package test (tests/package/test_deb.sh): builds the .deb once if needed, unpacks it and runs it.
find_program(SEMITCO_DPKG_DEB dpkg-deb)
if(SEMITCO_BUILD_TESTS AND SEMITCO_DPKG_DEB)
  get_filename_component(cmake_bin_dir ${CMAKE_COMMAND} DIRECTORY)
  find_program(SEMITCO_CPACK cpack HINTS ${cmake_bin_dir})
  add_test(NAME "package: deb unpacked runs"
           COMMAND bash ${PROJECT_SOURCE_DIR}/tests/package/test_deb.sh ${PROJECT_BINARY_DIR} ${SEMITCO_CPACK}
                   $<IF:$<BOOL:${SEMITCO_BUILD_PYTHON}>,ON,OFF> "${Python3_EXECUTABLE}"
                   $<IF:$<BOOL:${SEMITCO_BUILD_GUI}>,ON,OFF>)
  set_tests_properties("package: deb unpacked runs" PROPERTIES TIMEOUT 900)
endif()
