// What the QTest tests of the app share: a test-mode application (no settings of a real user, no recovery
// prompt), waiting for a document's result, and typing into a field as a user does.
#pragma once

#include <QCoreApplication>
#include <QLineEdit>
#include <QStandardPaths>
#include <QtTest>

#include "ui/main_window.hpp"

namespace semitco::gui_test {

inline void init_test_application() {
  QStandardPaths::setTestModeEnabled(true);
  qputenv("SEMITCO_RECOVERY_ANSWER", "no");
  QCoreApplication::setOrganizationName("semitco-test");
  QCoreApplication::setApplicationName("semitco-test");
}

/// The current document has a result of its current scenario and nothing runs.
inline bool idle_with_result(const ui::MainWindow& w) {
  auto* d = w.currentDocument();
  return d && d->analysis() && !d->isRunning();
}

/// Replaces the field's text key by key, as typing does (each key an edit).
inline void type_into(QLineEdit* edit, const QString& text) {
  edit->setFocus();
  edit->selectAll();
  QTest::keyClick(edit, Qt::Key_Backspace);
  QTest::keyClicks(edit, text);
}

}  // namespace semitco::gui_test
