"""Fetching a bundle (resumable, ETag-verified) and extracting it safely into a directory of its own."""

import errno
import hashlib
import logging
import os
import re
import shutil
import stat
import tarfile
import tempfile
import time

from .backoff import Backoff
from .errors import StepFailure
from .objectstore import ObjectDenied, ObjectMissing, ObjectStoreError
from .state import fsync_dir

log = logging.getLogger(__name__)

CHUNK = 1 << 20
_PLAIN_MD5 = re.compile(r"^[0-9a-f]{32}$")


def normalize_etag(etag):
    return (etag or "").strip().strip('"').lower()


def check_etag(header_etag, expected):
    if normalize_etag(header_etag) != normalize_etag(expected):
        raise StepFailure("EtagMismatch", "the object's ETag is %s, the deployment expects %s: the bundle in S3 was "
                          "changed after the application version was created; create a new version"
                          % (header_etag, expected))


def placeholder_etag(bucket, key):
    """The etag fleetsync records when it has no bundle store to read ETags from (application/Etags): the hex MD5 of
    `bucket/key`. No real object's MD5 is that of its own name, so it marks an etag nobody read from S3."""
    return hashlib.md5(("%s/%s" % (bucket, key)).encode("utf-8")).hexdigest()


def expected_etag_of(bucket, key, etag):
    """The etag to verify against, or None: a placeholder cannot be verified, so it is not (with a warning)."""
    if etag and normalize_etag(etag) == placeholder_etag(bucket, key):
        log.warning("s3://%s/%s: the service recorded a placeholder etag (it has no bundle store configured), so the "
                    "object cannot be verified; downloading it unverified", bucket, key)
        return None
    return etag


def download(store, bucket, key, expected_etag, dest, progress=None, attempts=4, backoff=None, sleep=time.sleep):
    """Fetches s3://bucket/key to `dest`, resuming a `dest`.part left by an earlier attempt (a Range GET). Every
    GET's ETag must be the expected one, so all parts come from the same object; a plain-MD5 ETag is also checked
    against the bytes. `progress(done, total)` is called after each chunk. An interrupted transfer is resumed up to
    `attempts` times, after a jittered back-off. Returns `dest`."""
    where = "s3://%s/%s" % (bucket, key)
    expected_etag = expected_etag_of(bucket, key, expected_etag)
    backoff = backoff or Backoff(1.0, 30.0)
    if os.path.exists(dest):
        return dest
    part = dest + ".part"
    for attempt in range(attempts):
        try:
            info = store.head(bucket, key)
            if expected_etag:
                check_etag(info.etag, expected_etag)
            _fetch(store, bucket, key, expected_etag, part, info.size, progress)
            break
        except ObjectMissing as e:
            raise StepFailure("ResourceNotFound", str(e))
        except ObjectDenied as e:
            raise StepFailure("BadPermissionError", str(e))
        except (ObjectStoreError, OSError) as e:
            if isinstance(e, OSError) and not _transient(e):
                raise StepFailure("EnvironmentSetupError", "cannot write %s: %s" % (part, e))
            if attempt == attempts - 1:
                raise StepFailure("EnvironmentSetupError", "could not download %s after %d attempts: %s"
                                  % (where, attempts, e))
            delay = backoff.next_delay()
            log.warning("download of %s interrupted (%s); resuming in %.1f s", where, e, delay)
            sleep(delay)
    expected = normalize_etag(expected_etag)
    if _PLAIN_MD5.match(expected):
        actual = _md5(part)
        if actual != expected:
            os.remove(part)  # the bytes are wrong, not merely incomplete: do not resume from them
            raise StepFailure("EtagMismatch", "the MD5 of the downloaded %s is %s, its ETag says %s: the download was "
                              "corrupted or the store does not use MD5 ETags" % (where, actual, expected))
    os.replace(part, dest)
    fsync_dir(os.path.dirname(dest))
    return dest


def _fetch(store, bucket, key, expected_etag, part, size, progress):
    have = os.path.getsize(part) if os.path.exists(part) else 0
    if have > size:
        have = 0
    if have == size and size > 0:
        return
    body = store.get(bucket, key, start=have)
    try:
        if expected_etag:
            check_etag(body.etag, expected_etag)
        if have and not body.partial:
            have = 0  # the store ignored the range: start over
        with open(part, "r+b" if have else "wb") as f:
            f.seek(have)
            f.truncate()
            while True:
                try:
                    chunk = body.read(CHUNK)
                except Exception as e:  # botocore/urllib3 stream errors have no common base worth naming
                    raise ObjectStoreError("reading s3://%s/%s: %s" % (bucket, key, e))
                if not chunk:
                    break
                f.write(chunk)
                have += len(chunk)
                if progress:
                    progress(have, size)
            f.flush()
            os.fsync(f.fileno())
    finally:
        body.close()
    if have != size:
        raise ObjectStoreError("s3://%s/%s ended after %d of %d bytes" % (bucket, key, have, size))


def _transient(error):
    return not isinstance(error, (PermissionError, IsADirectoryError)) and getattr(error, "errno", None) != errno.ENOSPC


def _md5(path):
    digest = hashlib.md5()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def extract(archive, jobs_dir, job):
    """Extracts a tar or tar.gz `archive` into `jobs_dir`/`job`, atomically: into a temporary directory first,
    renamed into place when complete. An existing `jobs_dir`/`job` is a finished extraction and is kept."""
    target = os.path.join(jobs_dir, job)
    if os.path.isdir(target):
        return target
    os.makedirs(jobs_dir, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix=".%s.extract-" % job, dir=jobs_dir)
    try:
        try:
            with tarfile.open(archive, "r:*") as tar:
                _extract_all(tar, tmp)
            _check_links(tmp)
        except (tarfile.TarError, EOFError, OSError, ValueError) as e:
            raise StepFailure("ExtractingBundleFailure", "the bundle is not a readable tar or tar.gz archive: %s" % e)
        os.rename(tmp, target)
        fsync_dir(jobs_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return target


def remove_partial_extractions(jobs_dir):
    """Removes what an interrupted extraction left behind (the next attempt starts it again)."""
    if os.path.isdir(jobs_dir):
        for name in os.listdir(jobs_dir):
            if name.startswith(".") and ".extract-" in name:
                shutil.rmtree(os.path.join(jobs_dir, name), ignore_errors=True)


def _extract_all(tar, root):
    root = os.path.realpath(root)
    for member in tar:
        name = _safe_name(member.name)
        if name is None:
            continue  # the archive's own "." entry
        path = os.path.join(root, name)
        _inside(root, os.path.dirname(path), member.name)  # no writing through a symlink extracted earlier
        if member.isdir():
            os.makedirs(path, exist_ok=True)
            os.chmod(path, (member.mode & 0o777) | 0o700)
        elif member.isfile():
            os.makedirs(os.path.dirname(path), exist_ok=True)
            _write_file(tar.extractfile(member), path, member.mode)
        elif member.issym():
            if os.path.isabs(member.linkname):
                _unsafe(member.name, "is a symbolic link to an absolute path (%s)" % member.linkname)
            _inside(root, os.path.join(os.path.dirname(path), member.linkname), member.name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            os.symlink(member.linkname, path)
        elif member.islnk():
            try:
                source = _safe_name(member.linkname)
            except StepFailure:
                source = None
            if source is None:
                _unsafe(member.name, "is a hard link to %s, outside the bundle" % member.linkname)
            source_path = os.path.join(root, source)
            _inside(root, source_path, member.name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            shutil.copy2(source_path, path)  # a copy, never a link to something outside the bundle
        else:
            _unsafe(member.name, "is a device, FIFO or other special file")


def _check_links(root):
    # Each link was checked when it was made, but a later link can change where an earlier one leads: check again.
    root = os.path.realpath(root)
    for directory, dirs, files in os.walk(root):
        for name in dirs + files:
            path = os.path.join(directory, name)
            if os.path.islink(path):
                _inside(root, path, os.path.relpath(path, root))


def _safe_name(name):
    if name.startswith("/") or os.path.isabs(name):
        _unsafe(name, "has an absolute path")
    parts = [p for p in name.replace("\\", "/").split("/") if p not in ("", ".")]
    if ".." in parts:
        _unsafe(name, "climbs out of the bundle with '..'")
    return os.path.join(*parts) if parts else None


def _inside(root, path, member_name):
    real = os.path.realpath(path)
    if real != root and not real.startswith(root + os.sep):
        _unsafe(member_name, "would end up outside the bundle directory")


def _unsafe(name, why):
    raise StepFailure("ExtractingBundleFailure", "the bundle's entry %r %s; rebuild the bundle without it" % (name, why))


def _write_file(source, path, mode):
    if os.path.lexists(path):
        os.remove(path)
    with open(path, "wb") as f:
        shutil.copyfileobj(source, f, CHUNK)
    # Keep the owner's execute bits (pre/post-launch scripts need them); drop setuid, setgid and sticky.
    os.chmod(path, (mode & 0o777) | stat.S_IRUSR | stat.S_IWUSR)
