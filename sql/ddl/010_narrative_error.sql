-- Narrative statements are extracted at parse time and stored with their document (the checks only
-- read them). Why a document has none although its pages were read: the extractor failed on its text
-- (the rules reading its narrative then report `error`, not an empty narrative). NULL: extracted.
ALTER TABLE document ADD COLUMN narrative_error VARCHAR;
