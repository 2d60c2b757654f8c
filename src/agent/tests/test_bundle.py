import hashlib
import os
import tarfile
import unittest

from fleetsync_agent import bundle
from fleetsync_agent.backoff import Backoff
from fleetsync_agent.errors import StepFailure
from tests.fakes import read, FakeObjectStore, TempDir, script, tar_bytes

DATA = bytes(range(256)) * 400  # 100 KiB
MD5 = hashlib.md5(DATA).hexdigest()


class DownloadTest(unittest.TestCase):
    def setUp(self):
        self.tmp = TempDir()
        self.addCleanup(self.tmp.cleanup)
        self.store = FakeObjectStore()
        self.dest = self.tmp.join("job.bundle")

    def test_the_etag_is_compared_without_quotes_and_case(self):
        self.store.put("b", "k", DATA, etag='"%s"' % MD5.upper())
        bundle.download(self.store, "b", "k", MD5, self.dest)
        with open(self.dest, "rb") as f:
            self.assertEqual(DATA, f.read())

    def test_an_etag_other_than_the_deployments_is_an_etag_mismatch(self):
        self.store.put("b", "k", DATA, etag='"0123456789abcdef0123456789abcdef"')
        with self.assertRaises(StepFailure) as caught:
            bundle.download(self.store, "b", "k", MD5, self.dest)
        self.assertEqual("EtagMismatch", caught.exception.code)
        self.assertFalse(os.path.exists(self.dest))

    def test_bytes_whose_md5_differs_from_a_plain_md5_etag_are_an_etag_mismatch(self):
        self.store.put("b", "k", DATA[:-1] + b"X", etag=MD5)  # the store says MD5, the bytes disagree
        with self.assertRaises(StepFailure) as caught:
            bundle.download(self.store, "b", "k", MD5, self.dest)
        self.assertEqual("EtagMismatch", caught.exception.code)
        self.assertFalse(os.path.exists(self.dest + ".part"))

    def test_a_placeholder_etag_is_not_verified(self):
        # The service without a bundle store records md5("bucket/key"): the object's real ETag cannot match it.
        self.store.put("b", "k", DATA)
        bundle.download(self.store, "b", "k", hashlib.md5(b"b/k").hexdigest(), self.dest)
        with open(self.dest, "rb") as f:
            self.assertEqual(DATA, f.read())

    def test_the_placeholder_of_another_object_is_still_a_mismatch(self):
        self.store.put("b", "k", DATA)
        with self.assertRaises(StepFailure) as caught:
            bundle.download(self.store, "b", "k", hashlib.md5(b"b/other").hexdigest(), self.dest)
        self.assertEqual("EtagMismatch", caught.exception.code)

    def test_a_multipart_etag_is_checked_on_the_header_only(self):
        self.store.put("b", "k", DATA, etag='"%s-3"' % MD5)
        bundle.download(self.store, "b", "k", MD5 + "-3", self.dest)
        self.assertTrue(os.path.exists(self.dest))

    def test_an_interrupted_download_resumes_with_a_range_from_where_it_stopped(self):
        self.store.put("b", "k", DATA)
        self.store.cut_after = 30000
        sleeps = []
        bundle.download(self.store, "b", "k", MD5, self.dest, backoff=Backoff(2.0, 30.0, rng=lambda: 0.5),
                        sleep=sleeps.append)
        self.assertEqual([("b", "k", 0), ("b", "k", 30000)], self.store.gets)
        self.assertEqual([1.0], sleeps)  # a jittered back-off before resuming
        with open(self.dest, "rb") as f:
            self.assertEqual(DATA, f.read())

    def test_a_partial_file_left_by_an_earlier_run_is_resumed(self):
        self.store.put("b", "k", DATA)
        with open(self.dest + ".part", "wb") as f:
            f.write(DATA[:5000])
        progress = []
        bundle.download(self.store, "b", "k", MD5, self.dest, lambda done, total: progress.append((done, total)))
        self.assertEqual([("b", "k", 5000)], self.store.gets)
        self.assertEqual((len(DATA), len(DATA)), progress[-1])

    def test_a_store_that_ignores_the_range_is_read_from_the_start(self):
        self.store.put("b", "k", DATA)
        self.store.ignore_range = True
        with open(self.dest + ".part", "wb") as f:
            f.write(b"garbage!" * 100)
        bundle.download(self.store, "b", "k", MD5, self.dest)
        with open(self.dest, "rb") as f:
            self.assertEqual(DATA, f.read())

    def test_a_store_that_keeps_failing_gives_up_after_a_few_attempts(self):
        self.store.put("b", "k", DATA)
        original = self.store.get

        def cut_every_time(bucket, key, start=0):
            self.store.cut_after = 1000
            return original(bucket, key, start)

        self.store.get = cut_every_time
        sleeps = []
        with self.assertRaises(StepFailure) as caught:
            bundle.download(self.store, "b", "k", MD5, self.dest, attempts=3,
                            backoff=Backoff(1.0, 30.0, rng=lambda: 1.0), sleep=sleeps.append)
        self.assertEqual("EnvironmentSetupError", caught.exception.code)
        self.assertIn("after 3 attempts", caught.exception.reason)
        self.assertEqual([1.0, 2.0], sleeps)

    def test_a_missing_object_is_resource_not_found(self):
        with self.assertRaises(StepFailure) as caught:
            bundle.download(self.store, "b", "nope", MD5, self.dest)
        self.assertEqual("ResourceNotFound", caught.exception.code)


class ExtractTest(unittest.TestCase):
    def setUp(self):
        self.tmp = TempDir()
        self.addCleanup(self.tmp.cleanup)
        self.jobs = self.tmp.join("jobs")

    def archive(self, data):
        path = self.tmp.join("bundle")
        with open(path, "wb") as f:
            f.write(data)
        return path

    def test_tar_gz_and_plain_tar_extract_into_a_directory_per_job_keeping_execute_bits(self):
        files = {"scripts/pre.sh": script("true"), "share/picker/picker.launch.py": ("launch", 0o644)}
        for gz, job in ((True, "job-gz"), (False, "job-tar")):
            target = bundle.extract(self.archive(tar_bytes(files, gz=gz)), self.jobs, job)
            self.assertEqual(os.path.join(self.jobs, job), target)
            self.assertTrue(os.access(os.path.join(target, "scripts/pre.sh"), os.X_OK))
            with open(os.path.join(target, "share/picker/picker.launch.py")) as f:
                self.assertEqual("launch", f.read())
        self.assertEqual(["job-gz", "job-tar"], sorted(os.listdir(self.jobs)))

    def test_links_inside_the_bundle_are_kept(self):
        link = tarfile.TarInfo("lib/current")
        link.type, link.linkname = tarfile.SYMTYPE, "v1"
        target = bundle.extract(self.archive(tar_bytes({"lib/v1/a.so": ("so", 0o644)}, extra=[link])), self.jobs, "j")
        self.assertEqual("so", read(os.path.join(target, "lib/current/a.so")))

    def assert_refused(self, data, words):
        with self.assertRaises(StepFailure) as caught:
            bundle.extract(self.archive(data), self.jobs, "job")
        self.assertEqual("ExtractingBundleFailure", caught.exception.code)
        self.assertIn(words, caught.exception.reason)
        self.assertEqual([], os.listdir(self.jobs))  # nothing half-extracted is left, not even the temp dir
        self.assertFalse(os.path.exists(self.tmp.join("evil")))

    def test_an_absolute_path_is_refused(self):
        self.assert_refused(tar_bytes({self.tmp.join("evil"): ("x", 0o644)}), "absolute path")

    def test_dot_dot_is_refused(self):
        self.assert_refused(tar_bytes({"ok.txt": ("x", 0o644), "../evil": ("x", 0o644)}), "'..'")

    def test_a_symlink_leading_out_of_the_bundle_is_refused(self):
        link = tarfile.TarInfo("escape")
        link.type, link.linkname = tarfile.SYMTYPE, "../../.."
        self.assert_refused(tar_bytes({}, extra=[link]), "outside the bundle")
        absolute = tarfile.TarInfo("etc")
        absolute.type, absolute.linkname = tarfile.SYMTYPE, "/etc"
        self.assert_refused(tar_bytes({}, extra=[absolute]), "absolute path")

    def test_writing_through_a_link_made_by_an_earlier_entry_is_refused(self):
        first = tarfile.TarInfo("a")
        first.type, first.linkname = tarfile.SYMTYPE, "d/.."  # harmless while d does not exist
        second = tarfile.TarInfo("d")
        second.type, second.linkname = tarfile.SYMTYPE, "."  # now a -> ./.. : out of the bundle
        self.assert_refused(tar_bytes({}, extra=[first, second]), "outside the bundle")

    def test_a_hard_link_to_something_outside_is_refused(self):
        hard = tarfile.TarInfo("passwd")
        hard.type, hard.linkname = tarfile.LNKTYPE, "../../etc/passwd"
        self.assert_refused(tar_bytes({}, extra=[hard]), "hard link")

    def test_device_files_are_refused(self):
        device = tarfile.TarInfo("dev/sda")
        device.type, device.devmajor, device.devminor = tarfile.BLKTYPE, 8, 0
        self.assert_refused(tar_bytes({}, extra=[device]), "device")

    def test_something_that_is_not_a_tar_is_an_extracting_bundle_failure(self):
        self.assert_refused(b"PK\x03\x04 this is a zip", "not a readable tar")

    def test_a_finished_extraction_is_kept_and_a_partial_one_is_cleaned_up(self):
        os.makedirs(os.path.join(self.jobs, ".job.extract-abc"))
        bundle.remove_partial_extractions(self.jobs)
        self.assertEqual([], os.listdir(self.jobs))
        first = bundle.extract(self.archive(tar_bytes({"a": ("1", 0o644)})), self.jobs, "job")
        again = bundle.extract(self.archive(tar_bytes({"a": ("2", 0o644)})), self.jobs, "job")
        self.assertEqual(first, again)
        self.assertEqual("1", read(os.path.join(first, "a")))


if __name__ == "__main__":
    unittest.main()
