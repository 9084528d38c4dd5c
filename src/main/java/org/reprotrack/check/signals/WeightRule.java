package org.reprotrack.check.signals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checklist item 4, pre-trained models (docs/checklist.md): weights in the tree, a script that
 * downloads them, or a README link to them, judged by the words on the line, its section heading,
 * or its table column header; also a loader that fetches the released weights
 * ({@code pretrained=True}, "downloads the model as needed").
 */
final class WeightRule {
    private WeightRule() {
    }

    private static final Pattern MODEL_HUB = Pattern.compile(
            "(?i)https?://(www\\.)?(huggingface\\.co|hf\\.co)/(?!datasets/|spaces/|docs/|papers/|blog/)[\\w.\\-]+/[\\w.\\-]+"
                    + "|https?://(www\\.)?modelscope\\.cn/models/");
    private static final Pattern WEIGHT_URL = Pattern.compile(
            "(?i)https?://[^\\s)\"'<>\\]]{1,1000}?\\.(pth|pt|ckpt|h5|safetensors|onnx|pdparams|caffemodel|tflite|pth\\.tar)(\\?[^\\s)\"'<>\\]]*)?(?=[\\s)\"'>\\]]|$)");
    private static final Pattern STORAGE = Pattern.compile(
            "(?i)https?://(www\\.)?(drive\\.google\\.com|docs\\.google\\.com/uc|zenodo\\.org|(www\\.)?dropbox\\.com"
                    + "|github\\.com/[\\w.\\-]+/[\\w.\\-]+/releases|onedrive\\.live\\.com|1drv\\.ms|[\\w\\-]+\\.sharepoint\\.com"
                    + "|pan\\.baidu\\.com|[\\w.\\-]*figshare\\.com|storage\\.googleapis\\.com"
                    + "|[\\w.\\-]*s3[\\w.\\-]*\\.amazonaws\\.com|[\\w\\-]+\\.blob\\.core\\.windows\\.net|osf\\.io|[\\w\\-]*\\.?box\\.com"
                    + "|huggingface\\.co|hf\\.co|dl\\.fbaipublicfiles\\.com)");
    private static final Pattern STRONG_MODEL_WORD = Pattern.compile(
            "(?i)pre-?trained|checkpoints?|\\bweights\\b|model[ _-]?zoo|\\bckpts?\\b|trained models?|released models?");
    private static final Pattern MODEL_WORD = Pattern.compile("(?i)\\bmodels?\\b|\\bpre-?train\\b");
    private static final Pattern DATA_WORD = Pattern.compile("(?i)\\b(data|datasets?|corpus|benchmark data|annotations?)\\b");
    private static final Pattern ANY_LINK = Pattern.compile("(?i)https?://\\S+");
    /**
     * A code-hosting repository page ({@code github.com/owner/name}, its tree or a source file): a
     * third-party project, never a weights download. Release assets and raw weight files are not
     * matched here.
     */
    private static final Pattern REPO_PAGE = Pattern.compile(
            "(?i)https?://(www\\.)?(github\\.com|gitlab\\.com|bitbucket\\.org)/[\\w.\\-]+/[\\w.\\-]+"
                    + "(?!/releases|/raw/|[\\w.\\-]*/(?:blob|raw)/\\S*\\.(?:pth|pt|ckpt|h5|safetensors|onnx)\\b)(?:/(?:tree|blob)/[^\\s)]{0,500})?/?(?=[\\s)\\]\"'>]|$)");
    /** A table column header that says its cells are models: Model, Checkpoint, Weights, Download. */
    private static final Pattern MODEL_COLUMN = Pattern.compile(
            "(?i)\\bmodels?\\b|checkpoints?|ckpts?|weights|download|pre-?trained|\\blink\\b|\\blinks\\b");
    /** Paper pages: a link to the paper a row reports is not a model. */
    private static final Pattern PAPER_PAGE = Pattern.compile(
            "(?i)https?://(www\\.)?(arxiv\\.org|openreview\\.net|doi\\.org|dx\\.doi\\.org|paperswithcode\\.com|semanticscholar\\.org"
                    + "|aclanthology\\.org|openaccess\\.thecvf\\.com|proceedings\\.\\S+|papers\\.nips\\.cc|dl\\.acm\\.org"
                    + "|ieeexplore\\.ieee\\.org|link\\.springer\\.com|scholar\\.google\\.com|youtube\\.com|youtu\\.be)\\S*");
    private static final Pattern DOWNLOAD_SCRIPT = Pattern.compile(
            "^(download|get|fetch)[\\w\\-]*(model|weight|checkpoint|ckpt|pretrain)[\\w\\-.]*\\.(py|sh|bash)$");
    private static final Pattern PRETRAINED_LOADER = Pattern.compile("pretrained\\s*=\\s*True");
    /** "It will download the model as necessary", "weights are downloaded automatically". */
    private static final Pattern AUTO_DOWNLOAD = Pattern.compile(
            "(?i)\\b(will|automatically|auto-?)\\s+download(s|ed)?\\s+(the\\s+)?(pre-?trained\\s+)?(models?|weights|checkpoints?)\\b"
                    + "|\\b(models?|weights|checkpoints?)\\s+(will\\s+be|are|is)\\s+(automatically\\s+)?downloaded\\s+(automatically|as needed|as necessary|on first use)");

    static ItemResult judge(FileTree tree, Readme readme, boolean hasCode) {
        ChecklistItem item = ChecklistItem.PRETRAINED_MODELS;
        Optional<TreeFile> file = Rules.first(tree, FileKinds::weights);
        if (file.isPresent()) {
            return ItemResult.present(item, file.get().path());
        }
        Optional<TreeFile> script = Rules.first(tree, f -> FileKinds.code(f) && DOWNLOAD_SCRIPT.matcher(f.lowerName()).matches());
        if (script.isPresent()) {
            return ItemResult.present(item, script.get().path());
        }
        for (Readme.Line l : readme.lines()) {
            String t = REPO_PAGE.matcher(readme.withReferences(l)).replaceAll(" ");
            boolean strongHere = STRONG_MODEL_WORD.matcher(t).find();
            boolean strongSection = STRONG_MODEL_WORD.matcher(l.heading()).find();
            boolean dataHere = DATA_WORD.matcher(t).find();
            boolean modelHere = MODEL_WORD.matcher(t).find();
            // Words on the line beat the section heading: a data link under "Models and data" is data.
            if (MODEL_HUB.matcher(t).find() || WEIGHT_URL.matcher(t).find()
                    || (STORAGE.matcher(t).find() && (strongHere || (strongSection || modelHere) && !dataHere))
                    || (strongSection && ANY_LINK.matcher(t).find() && !dataHere && !l.fenced())) {
                return ItemResult.present(item, l.evidence());
            }
        }
        Optional<Readme.Line> column = modelColumnLink(readme.lines());
        if (column.isPresent()) {
            return ItemResult.present(item, column.get().evidence());
        }
        if (hasCode) {
            for (Readme.Line l : readme.lines()) {
                if ((l.fenced() || l.text().indexOf('`') >= 0) && PRETRAINED_LOADER.matcher(l.text()).find()
                        || !l.fenced() && AUTO_DOWNLOAD.matcher(l.text()).find()) {
                    return ItemResult.present(item, l.evidence());
                }
            }
        }
        return ItemResult.absent(item);
    }

    /** A row of a Markdown table with a link in a column whose header says models, checkpoints or weights. */
    private static Optional<Readme.Line> modelColumnLink(List<Readme.Line> lines) {
        for (int i = 1; i < lines.size(); i++) {
            Readme.Line sep = lines.get(i);
            if (sep.fenced() || !ResultsRule.separator(sep.text())) {
                continue;
            }
            List<String> header = ResultsRule.cells(lines.get(i - 1).text());
            List<Integer> modelColumns = new ArrayList<>();
            for (int c = 0; c < header.size(); c++) {
                String h = header.get(c);
                if (MODEL_COLUMN.matcher(h).find() && !DATA_WORD.matcher(h).find()) {
                    modelColumns.add(c);
                }
            }
            if (modelColumns.isEmpty()) {
                continue;
            }
            for (int j = i + 1; j < lines.size() && lines.get(j).text().contains("|") && !lines.get(j).fenced(); j++) {
                List<String> row = ResultsRule.cells(lines.get(j).text());
                for (int c : modelColumns) {
                    if (c < row.size()) {
                        String cell = PAPER_PAGE.matcher(REPO_PAGE.matcher(row.get(c)).replaceAll(" ")).replaceAll(" ");
                        Matcher link = ANY_LINK.matcher(cell);
                        if (link.find()) {
                            return Optional.of(lines.get(j));
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }
}
