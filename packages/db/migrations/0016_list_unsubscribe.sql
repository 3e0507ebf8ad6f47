-- The one-click unsubscribe address (RFC 8058) a category e-mail carries in its List-Unsubscribe header; null on
-- security mail and digests written before it existed.
ALTER TABLE "email_messages" ADD COLUMN "unsubscribe_url" text;
