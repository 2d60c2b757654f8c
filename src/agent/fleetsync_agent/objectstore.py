"""Where bundles and download condition files come from: S3 or any S3-compatible endpoint, behind a small interface."""

import logging

log = logging.getLogger(__name__)


class ObjectInfo:
    def __init__(self, etag, size):
        self.etag = etag
        self.size = size


class ObjectBody:
    """An object's bytes from `start` on. `partial` is False when the store ignored the range and sends it all."""

    def __init__(self, etag, stream, partial):
        self.etag = etag
        self.stream = stream
        self.partial = partial

    def read(self, n):
        return self.stream.read(n)

    def close(self):
        close = getattr(self.stream, "close", None)
        if close:
            close()


class ObjectMissing(Exception):
    pass


class ObjectDenied(Exception):
    pass


class ObjectStoreError(Exception):
    """Anything else, probably transient: the endpoint unreachable, a 5xx."""


class ObjectStore:
    def head(self, bucket, key):
        """ObjectInfo; raises ObjectMissing, ObjectDenied or ObjectStoreError."""
        raise NotImplementedError

    def get(self, bucket, key, start=0):
        """ObjectBody from byte `start` on; raises as head does."""
        raise NotImplementedError


def _client_config(config_module, timeout):
    """Path-style, time-outs, and no flexible checksums unless an operation requires them: botocore 1.36 and later
    otherwise ask GetObject for one (x-amz-checksum-mode), which S3-compatible stores such as s3proxy refuse with
    NotImplemented. The agent verifies the bytes itself (the ETag, and its MD5 when it is one). Older botocore knows
    neither setting and sends no such header."""
    settings = dict(s3={"addressing_style": "path"}, connect_timeout=timeout, read_timeout=timeout,
                    retries={"max_attempts": 3})
    try:
        return config_module.Config(request_checksum_calculation="when_required",
                                    response_checksum_validation="when_required", **settings)
    except TypeError:
        return config_module.Config(**settings)


class S3ObjectStore(ObjectStore):
    """A botocore S3 client with its own endpoint and credentials, path-style, so MinIO and friends work too."""

    def __init__(self, endpoint_url, region, access_key_id=None, secret_access_key=None, timeout=60, ca_bundle=None):
        import botocore.config
        import botocore.session

        session = botocore.session.get_session()
        config = _client_config(botocore.config, timeout)
        kwargs = {}
        if access_key_id:  # else botocore's default chain: environment, ~/.aws, an instance role
            kwargs = {"aws_access_key_id": access_key_id, "aws_secret_access_key": secret_access_key}
        self.s3 = session.create_client("s3", region_name=region, endpoint_url=endpoint_url or None, config=config,
                                        verify=ca_bundle or None, **kwargs)

    def head(self, bucket, key):
        response = self._call(self.s3.head_object, Bucket=bucket, Key=key)
        return ObjectInfo(response.get("ETag", ""), int(response.get("ContentLength", 0)))

    def get(self, bucket, key, start=0):
        kwargs = {"Bucket": bucket, "Key": key}
        if start:
            kwargs["Range"] = "bytes=%d-" % start
        response = self._call(self.s3.get_object, **kwargs)
        partial = response["ResponseMetadata"]["HTTPStatusCode"] == 206
        return ObjectBody(response.get("ETag", ""), response["Body"], partial)

    @staticmethod
    def _call(operation, **kwargs):
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            return operation(**kwargs)
        except ClientError as e:
            code = str(e.response.get("Error", {}).get("Code", ""))
            status = e.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0)
            where = "s3://%s/%s" % (kwargs["Bucket"], kwargs["Key"])
            if code in ("NoSuchKey", "NoSuchBucket", "404", "NotFound") or status == 404:
                raise ObjectMissing("%s does not exist (%s)" % (where, code))
            if code in ("AccessDenied", "403", "Forbidden", "InvalidAccessKeyId", "SignatureDoesNotMatch") \
                    or status == 403:
                raise ObjectDenied("%s: access denied (%s); check the agent's S3 credentials and the bucket policy"
                                   % (where, code))
            raise ObjectStoreError("%s: %s" % (where, e))
        except BotoCoreError as e:
            raise ObjectStoreError(str(e))
