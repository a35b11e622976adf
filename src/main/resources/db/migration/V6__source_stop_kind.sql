-- Issue 13: whether a source was stopped by a 410 Gone or paused by an operator is data, not a "gone:" prefix of
-- the reason's text. Existing reasons are converted: "gone: the server answered 410 Gone at …" becomes kind GONE
-- with the sentence after the prefix; any other reason was an operator's pause.
ALTER TABLE source_state ADD COLUMN stop_kind VARCHAR(10);
UPDATE source_state SET stop_kind = 'GONE', disabled_reason = TRIM(SUBSTRING(disabled_reason FROM 6))
    WHERE disabled_reason LIKE 'gone:%';
UPDATE source_state SET stop_kind = 'PAUSED' WHERE disabled_reason IS NOT NULL AND stop_kind IS NULL;
