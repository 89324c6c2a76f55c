// Route names for people; see route_names.hpp.
#include "ui/route_names.hpp"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>

namespace semitco::ui {

namespace {

QString name_in_file(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) return {};
  const QByteArray head = f.read(8192);
  const QString text = QString::fromUtf8(head);
  if (path.endsWith(".gpx", Qt::CaseInsensitive)) {
    static const QRegularExpression name_tag(QStringLiteral("<name>\\s*([^<]{1,120})</name>"));
    const auto m = name_tag.match(text);
    return m.hasMatch() ? m.captured(1).trimmed() : QString();
  }
  for (const QString& line : text.split('\n')) {
    const QString t = line.trimmed();
    if (!t.startsWith('#')) return {};
    QString n = t.mid(1).trimmed();
    if (n.isEmpty()) continue;
    if (const auto p = n.indexOf(QStringLiteral(" (")); p > 0) n = n.left(p);
    if (const auto c = n.indexOf(':'); c > 0) n = n.left(c);
    n.replace(QStringLiteral("->"), QString::fromUtf8("\xE2\x86\x92"));
    if (n.endsWith('.')) n.chop(1);
    return n.size() <= 100 ? n : QString();
  }
  return {};
}

}  // namespace

QString route_display_name(const QString& path) {
  static QHash<QString, QString> known;  // the GUI thread only
  if (auto it = known.constFind(path); it != known.constEnd()) return *it;
  QString n = name_in_file(path);
  if (n.isEmpty()) {
    n = QFileInfo(path).completeBaseName();
    n.replace('_', ' ');
  }
  known.insert(path, n);
  return n;
}

}  // namespace semitco::ui
