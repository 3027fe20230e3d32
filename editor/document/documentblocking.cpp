// Document's blocking-scene object edits and the shot description: each one
// undo step, validated like setBlockingScene / setCamera before anything
// changes (Document::apply works on a copy).
#include "camera/blockingedit.h"
#include "core/error.h"
#include "document/document.h"
#include "document/documentmessages.h"

#include <QCoreApplication>
#include <algorithm>

namespace retake {

namespace {

using documentdetail::tr;
using documentdetail::usage;

BlockingObject& objectOrThrow(Shot& shot, const QString& name) {
    for (auto& o : shot.blocking.objects)
        if (o.name == name)
            return o;
    usage(tr("Shot \"%1\" has no blocking object \"%2\".").arg(shot.name, name));
}

} // namespace

QString Document::addBlockingObject(const Id& shotId, BlockingShape shape, const Vec3& position) {
    QString name;
    apply(tr("Add blocking object"), [&](Project& p) {
        Shot& shot = shotOrThrow(p, shotId);
        const BlockingObject o = newBlockingObject(shot.blocking, shape, position);
        shot.blocking.objects.push_back(o);
        shot.blocking.enabled = true;
        checkBlockingScene(shot.blocking);
        name = o.name;
    });
    return name;
}

void Document::setBlockingObject(const Id& shotId, const QString& name,
                                 const BlockingObject& object) {
    apply(tr("Edit blocking object"), [&](Project& p) {
        Shot& shot = shotOrThrow(p, shotId);
        BlockingObject& o = objectOrThrow(shot, name);
        const int id = o.id;
        o = object;
        o.id = id;
        checkBlockingScene(shot.blocking);
    });
}

void Document::removeBlockingObject(const Id& shotId, const QString& name) {
    apply(tr("Remove blocking object"), [&](Project& p) {
        Shot& shot = shotOrThrow(p, shotId);
        objectOrThrow(shot, name); // names it when missing
        shot.blocking.objects.erase(
            std::remove_if(shot.blocking.objects.begin(), shot.blocking.objects.end(),
                           [&](const BlockingObject& o) { return o.name == name; }),
            shot.blocking.objects.end());
    });
}

void Document::applyShotDescription(const Id& shotId, const Camera& camera,
                                    const BlockingScene& scene) {
    checkCamera(camera);
    checkBlockingScene(scene);
    apply(tr("Apply shot description"), [&](Project& p) {
        Shot& shot = shotOrThrow(p, shotId);
        shot.camera = camera;
        shot.blocking = scene;
    });
}

} // namespace retake
