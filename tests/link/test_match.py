from luoshi.link.index import BigramIndex
from luoshi.link.match import FUNCTION_SCALE, TermWeights


def test_match_a_bigram_of_a_function_character_weighs_a_fraction_of_its_rarity():
    # 要注意 / 这对于 are rare in the corpus for their style, not their content: they name no work
    w = TermWeights(BigramIndex(["也要注意做好防汛准备", "这对于经济发展十分重要", "门城水厂主体完工"]))
    rarity = (w.corpus.idf("要注") if w.corpus else 0.6) * w.local("要注")
    assert abs(w("要注") - FUNCTION_SCALE * rarity) < 1e-9
    assert w("要注") < w("水厂")
