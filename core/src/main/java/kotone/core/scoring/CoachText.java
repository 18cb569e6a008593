package kotone.core.scoring;

import java.util.ArrayList;
import java.util.List;
import kotone.core.catalog.Catalog;
import kotone.core.catalog.Slot;
import kotone.core.i18n.Language;
import kotone.core.vector.Dimension;

/** Turns a {@link SlotAdvice} into a sentence a player reads, in English or Japanese. */
public final class CoachText {

    private final Catalog catalog;

    public CoachText(Catalog catalog) {
        this.catalog = catalog;
    }

    public String render(SlotAdvice advice, Language language) {
        return language == Language.JA ? japanese(advice) : english(advice);
    }

    private String english(SlotAdvice a) {
        String current = catalog.requirePart(a.currentPartId()).nameEn();
        if (a.keep()) {
            return "Keep " + current + ": no other " + a.slot().key() + " scores higher here. The composition is "
                    + "furthest off on " + a.dimension().key() + " (" + a.composedBefore() + " against "
                    + a.target() + "); change another slot for that.";
        }
        String suggested = catalog.requirePart(a.suggestedPartId()).nameEn();
        List<String> why = new ArrayList<>();
        if (a.dimension() != null) {
            why.add("moves " + a.dimension().key() + " from " + a.composedBefore() + " to " + a.composedAfter()
                    + " (target " + a.target() + ")");
        }
        if (!a.addedRequiredTags().isEmpty()) {
            why.add("brings the wanted " + String.join(", ", a.addedRequiredTags()));
        }
        if (!a.removedForbiddenTags().isEmpty()) {
            why.add("drops the unwanted " + String.join(", ", a.removedForbiddenTags()));
        }
        if (a.preferredTag() != null) {
            why.add("matches the preferred " + a.preferredTag());
        }
        return "Swap " + current + " for " + suggested + " (+" + a.gain() + (a.gain() == 1 ? " point)" : " points)")
                + (why.isEmpty() ? "." : ": it " + String.join("; ", why) + ".");
    }

    private String japanese(SlotAdvice a) {
        String current = catalog.requirePart(a.currentPartId()).nameJa();
        if (a.keep()) {
            return slotJa(a.slot()) + "は「" + current + "」のままが最善です。いちばんずれているのは"
                    + dimensionJa(a.dimension()) + "（現在" + a.composedBefore() + "、目標" + a.target()
                    + "）なので、ほかのスロットで調整しましょう。";
        }
        String suggested = catalog.requirePart(a.suggestedPartId()).nameJa();
        List<String> why = new ArrayList<>();
        if (a.dimension() != null) {
            why.add(dimensionJa(a.dimension()) + "が" + a.composedBefore() + "から" + a.composedAfter()
                    + "へ（目標" + a.target() + "）");
        }
        if (!a.addedRequiredTags().isEmpty()) {
            why.add("求められているタグ " + String.join("・", a.addedRequiredTags()) + " が入る");
        }
        if (!a.removedForbiddenTags().isEmpty()) {
            why.add("避けたいタグ " + String.join("・", a.removedForbiddenTags()) + " が消える");
        }
        if (a.preferredTag() != null) {
            why.add("好みの " + a.preferredTag() + " に合う");
        }
        return slotJa(a.slot()) + "を「" + current + "」から「" + suggested + "」に替えると +" + a.gain() + "点"
                + (why.isEmpty() ? "。" : "：" + String.join("、", why) + "。");
    }

    static String slotJa(Slot slot) {
        return switch (slot) {
            case STYLE -> "スタイル";
            case INSTRUMENT -> "楽器";
            case MOOD -> "ムード";
            case GIMMICK -> "ギミック";
        };
    }

    static String dimensionJa(Dimension dimension) {
        return switch (dimension) {
            case ENERGY -> "エネルギー";
            case WARMTH -> "温かさ";
            case BRIGHTNESS -> "明るさ";
            case ACOUSTICNESS -> "アコースティック感";
            case COMPLEXITY -> "複雑さ";
            case NOSTALGIA -> "懐かしさ";
        };
    }
}
