package kotone.core.teacher;

import java.util.List;
import java.util.Map;
import kotone.core.text.TextLanguage;
import kotone.core.vector.Dimension;

/**
 * How a customer says that a dimension should be high or low, in English and Japanese, with intensity words, scenes
 * and sentence templates. Two pools that share nothing: one for training pairs, one for generated eval sets (see
 * {@link Phrasing}). Every phrase expresses its side of its dimension, so a generated request's words really say its
 * label.
 */
final class PhrasePool {

    record Phrases(List<String> high, List<String> low) {
    }

    /** The pool's words for one language. */
    record Language(Map<Dimension, Phrases> phrases, List<String> strong, List<String> mild, List<String> scenes, List<String> templates,
            String balanced) {
    }

    private final Language english;
    private final Language japanese;

    private PhrasePool(Language english, Language japanese) {
        this.english = english;
        this.japanese = japanese;
    }

    Language language(TextLanguage language) {
        return language == TextLanguage.JA ? japanese : english;
    }

    static PhrasePool training() {
        Language english = new Language(Map.of(
                Dimension.ENERGY, new Phrases(
                        List.of("energetic", "upbeat", "lively", "driving", "full of energy", "fast and punchy"),
                        List.of("calm", "quiet", "relaxed", "slow", "gentle", "not too loud")),
                Dimension.WARMTH, new Phrases(
                        List.of("warm", "cozy", "heartfelt", "tender", "comforting"),
                        List.of("cold", "cool and distant", "icy", "detached", "clinical")),
                Dimension.BRIGHTNESS, new Phrases(
                        List.of("bright", "sunny", "sparkling", "cheerful", "not gloomy at all"),
                        List.of("dark", "gloomy", "shadowy", "somber", "moody")),
                Dimension.ACOUSTICNESS, new Phrases(
                        List.of("acoustic", "unplugged", "organic", "played on real instruments", "natural-sounding"),
                        List.of("electronic", "synthetic", "digital", "synth-heavy", "not acoustic")),
                Dimension.COMPLEXITY, new Phrases(
                        List.of("intricate", "complex", "layered", "rich in detail", "elaborate"),
                        List.of("simple", "minimal", "sparse", "plain", "uncomplicated")),
                Dimension.NOSTALGIA, new Phrases(
                        List.of("nostalgic", "retro", "old-fashioned", "wistful", "like a faded memory"),
                        List.of("modern", "futuristic", "fresh and new", "contemporary", "cutting-edge"))),
                List.of("very ", "really ", "extremely "), List.of("slightly ", "a little ", "somewhat "),
                List.of("for a cafe in the evening", "for a walk through town", "for a quiet library", "for the village festival",
                        "for a train ride at dusk", "for a shop by the harbor", "for a bakery in the morning", "for a night at the inn",
                        "for a garden party", "for a rooftop at night"),
                List.of("Could you write %s music %s?", "I'd like something %s %s.", "Please make a %s piece %s.", "Something %s, %s, please."),
                "balanced");
        Language japanese = new Language(Map.of(
                Dimension.ENERGY, new Phrases(
                        List.of("元気な", "アップテンポな", "にぎやかな", "勢いのある", "ノリのいい"),
                        List.of("静かな", "落ち着いた", "ゆったりした", "穏やかな", "うるさくない")),
                Dimension.WARMTH, new Phrases(
                        List.of("温かい", "あたたかい", "ぬくもりのある", "優しい", "ほっとする"),
                        List.of("冷たい", "クールな", "ひんやりした", "そっけない", "無機質な")),
                Dimension.BRIGHTNESS, new Phrases(
                        List.of("明るい", "きらきらした", "晴れやかな", "陽気な", "暗くない"),
                        List.of("暗い", "重苦しい", "影のある", "陰鬱な", "どんよりした")),
                Dimension.ACOUSTICNESS, new Phrases(
                        List.of("アコースティックな", "生楽器の", "素朴な", "生音の", "自然な響きの"),
                        List.of("電子的な", "シンセの", "デジタルな", "エレクトロな", "機械的な")),
                Dimension.COMPLEXITY, new Phrases(
                        List.of("複雑な", "凝った", "重層的な", "緻密な", "手の込んだ"),
                        List.of("シンプルな", "簡単な", "ミニマルな", "すっきりした", "単純な")),
                Dimension.NOSTALGIA, new Phrases(
                        List.of("懐かしい", "レトロな", "昔ながらの", "ノスタルジックな", "思い出のような"),
                        List.of("現代的な", "未来的な", "新しい", "モダンな", "最先端の"))),
                List.of("とても", "すごく", "かなり"), List.of("少し", "ちょっと", "やや"),
                List.of("夕方のカフェで流す", "街の散歩に合う", "静かな図書館で聴く", "村のお祭りのための", "夕暮れの電車で聴く", "港のお店で流す",
                        "朝のパン屋さんの", "宿屋の夜の", "庭のパーティーの", "夜の屋上で聴く"),
                List.of("%2$s、%1$s曲をお願いします。", "%2$s%1$s音楽が欲しいです。", "%1$s感じの曲を作ってください。%2$sものです。"),
                "ほどよい");
        return new PhrasePool(english, japanese);
    }

    static PhrasePool evaluation() {
        Language english = new Language(Map.of(
                Dimension.ENERGY, new Phrases(
                        List.of("peppy", "bouncy", "high-energy", "pumped up", "exciting"),
                        List.of("peaceful", "serene", "sleepy", "mellow", "nothing too noisy")),
                Dimension.WARMTH, new Phrases(
                        List.of("loving", "homey", "friendly", "snug", "heart-warming"),
                        List.of("chilly", "sterile", "aloof", "frosty", "impersonal")),
                Dimension.BRIGHTNESS, new Phrases(
                        List.of("happy", "joyful", "radiant", "sunlit", "hopeful"),
                        List.of("melancholy", "sad", "eerie", "bleak", "murky")),
                Dimension.ACOUSTICNESS, new Phrases(
                        List.of("folk", "unamplified", "woody", "hand-played", "with guitar and piano"),
                        List.of("electronica", "techno", "programmed", "robotic", "with no acoustic instruments")),
                Dimension.COMPLEXITY, new Phrases(
                        List.of("sophisticated", "detailed", "busy", "progressive", "ornate"),
                        List.of("bare", "stripped-down", "repetitive", "basic", "clean and simple")),
                Dimension.NOSTALGIA, new Phrases(
                        List.of("vintage", "old-school", "classic", "bygone", "reminiscent of childhood"),
                        List.of("sci-fi", "high-tech", "brand-new", "present-day", "next-gen"))),
                List.of("super ", "incredibly ", "so "), List.of("a bit ", "kinda ", "mildly "),
                List.of("for a rainy bookshop", "for the flower market", "for a ferry crossing", "for the blacksmith's forge",
                        "for a snowy mountain hut", "for a tea house in spring", "for the castle gate", "for a lakeside picnic"),
                List.of("I need %s background music %s.", "Looking for a %s tune %s.", "Can I get %s BGM %s?", "%2$s, I want something %1$s."),
                "even");
        Language japanese = new Language(Map.of(
                Dimension.ENERGY, new Phrases(
                        List.of("活発な", "躍動感のある", "テンションの高い", "はじけるような", "パワフルな"),
                        List.of("のんびりした", "しっとりした", "眠くなるような", "静けさのある", "騒がしくない")),
                Dimension.WARMTH, new Phrases(
                        List.of("心温まる", "やわらかい", "ほっこりした", "包み込むような", "人懐っこい"),
                        List.of("冷ややかな", "よそよそしい", "硬質な", "冷めた", "凍えるような")),
                Dimension.BRIGHTNESS, new Phrases(
                        List.of("晴れ晴れとした", "楽しげな", "まぶしい", "軽やかな", "ハッピーな"),
                        List.of("悲しげな", "薄暗い", "憂鬱な", "不気味な", "夜のような")),
                Dimension.ACOUSTICNESS, new Phrases(
                        List.of("ピアノとギターの", "生演奏の", "木のぬくもりの", "フォーク調の", "弦楽器の"),
                        List.of("テクノ調の", "ピコピコした", "シンセ主体の", "打ち込みの", "電子音の")),
                Dimension.COMPLEXITY, new Phrases(
                        List.of("豪華な", "作り込まれた", "展開の多い", "入り組んだ", "情報量の多い"),
                        List.of("飾り気のない", "あっさりした", "音数の少ない", "ループ向きの", "控えめな構成の")),
                Dimension.NOSTALGIA, new Phrases(
                        List.of("昭和っぽい", "古き良き", "郷愁を誘う", "子供の頃を思い出す", "セピア色の"),
                        List.of("近未来的な", "今風の", "最新の", "ハイテクな", "SFっぽい"))),
                List.of("めっちゃ", "超", "非常に"), List.of("ほんのり", "若干", "ちょっぴり"),
                List.of("雨の本屋さんで流す", "花市場の", "渡し船で聴く", "鍛冶屋の", "雪山の山小屋の", "春の茶屋の", "お城の門の", "湖畔のピクニックの"),
                List.of("%2$s、%1$sBGMをください。", "%1$s雰囲気で、%2$s曲を探しています。", "%2$s音楽をお願いできますか。%1$s感じで。"),
                "バランスのいい");
        return new PhrasePool(english, japanese);
    }

    /**
     * How players write in the game: casual, slangy, with typos and abbreviations. Shares nothing with the other two
     * pools: live traffic replayed from it carries words neither training nor the generated eval sets use.
     */
    static PhrasePool players() {
        Language english = new Language(Map.of(
                Dimension.ENERGY, new Phrases(
                        List.of("hype", "bangin", "rowdy", "amped up", "go-go-go"),
                        List.of("chill", "lowkey", "laid back", "sleepytime", "hush-hush")),
                Dimension.WARMTH, new Phrases(
                        List.of("wholesome", "cuddly", "huggy", "feel-good", "warm fuzzy"),
                        List.of("edgy", "cold-blooded", "frostbitten", "standoffish", "emotionless")),
                Dimension.BRIGHTNESS, new Phrases(
                        List.of("bubbly", "sunny-side-up", "smiley", "glowy", "good-vibes"),
                        List.of("emo", "grim", "doom-y", "rainy-day sad", "spooky")),
                Dimension.ACOUSTICNESS, new Phrases(
                        List.of("campfire", "strummy", "all live instruments", "busker-style", "ukulele"),
                        List.of("edm", "bleepy", "chiptune", "synthwave", "all computer")),
                Dimension.COMPLEXITY, new Phrases(
                        List.of("proggy", "fancy", "mathy", "lots going on", "twisty"),
                        List.of("no-frills", "one-chord", "barebones", "easy listening", "loopy")),
                Dimension.NOSTALGIA, new Phrases(
                        List.of("throwback", "oldie", "grandma's radio", "millennial", "old timey"),
                        List.of("tiktok-fresh", "from the future", "spaceage", "newfangled", "cyber"))),
                List.of("mega ", "hella ", "crazy "), List.of("lil bit ", "sorta ", "kiiinda "),
                List.of("for my minecraft base", "for a late night drive", "for the boss fight at the pier", "for a late study sesh",
                        "for the fishing pond", "for my shop's grand opening", "for a sleepover", "for the harvest fair"),
                List.of("yo can u make %s music %s", "pls %s stuff %s", "need smth %s %s!!", "%2$s... %1$s vibes plz"),
                "mid");
        Language japanese = new Language(Map.of(
                Dimension.ENERGY, new Phrases(
                        List.of("アゲアゲな", "ノリノリの", "爆上がりの", "ガンガンいく", "はしゃげる"),
                        List.of("まったりした", "ゆるい", "チルい", "おやすみ前の", "ひっそりした")),
                Dimension.WARMTH, new Phrases(
                        List.of("エモあったかい", "ふわふわした", "ぬくぬくの", "ほんわかした", "じーんとくる"),
                        List.of("ドライな", "クールすぎる", "ツンとした", "無表情な", "さめた")),
                Dimension.BRIGHTNESS, new Phrases(
                        List.of("キラキラの", "ポップな", "ウキウキの", "陽キャな", "ごきげんな"),
                        List.of("病みっぽい", "どよーんとした", "ダークな", "ホラーっぽい", "しょんぼりした")),
                Dimension.ACOUSTICNESS, new Phrases(
                        List.of("アコギの", "弾き語りっぽい", "生バンドの", "木琴の", "ウクレレの"),
                        List.of("EDMな", "ダンスミュージックな", "チップチューンの", "ボカロっぽい", "ピコピコ系の")),
                Dimension.COMPLEXITY, new Phrases(
                        List.of("プログレっぽい", "テクい", "ごちゃっとした", "変拍子の", "盛りだくさんの"),
                        List.of("ゆるシンプルな", "ワンループの", "スカスカの", "素直な", "手軽な")),
                Dimension.NOSTALGIA, new Phrases(
                        List.of("平成っぽい", "エモ懐かしい", "おばあちゃんちの", "ファミコン時代の", "なつメロっぽい"),
                        List.of("令和っぽい", "イマドキの", "未来感のある", "サイバーな", "ネオンな"))),
                List.of("ガチで", "マジで", "鬼"), List.of("ちょい", "ほどほどに", "うっすら"),
                List.of("マイクラの拠点で流す", "深夜のドライブの", "港のボス戦の", "夜中の勉強用の", "釣り堀の", "お店のオープン記念の",
                        "お泊まり会の", "収穫祭の"),
                List.of("%2$s%1$s曲ほしい！", "%1$s感じで%2$sやつお願い〜", "%2$sBGMたのむ、%1$sので。"),
                "ふつうの");
        return new PhrasePool(english, japanese);
    }
}
