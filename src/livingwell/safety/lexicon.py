"""The lexicon Living Well ships: the safety net's starting point, which the clinical lead then keeps.

Each entry is (pattern, category, note). The pattern language is in ``safety/matching.py``. Exceptions
are read first and blank out what they match, so that "cutting myself a slice of cake" is not
self-harm; keep them few and narrow, because an exception can hide real risk.

These are loaded once by a migration. Later changes are the clinical lead's, in the admin, and audited.
"""

from typing import Any

from livingwell.safety.categories import RiskCategory

SUICIDE = RiskCategory.SUICIDE.value
SELF_HARM = RiskCategory.SELF_HARM.value
HARM_TO_OTHERS = RiskCategory.HARM_TO_OTHERS.value
UNSAFE_AT_HOME = RiskCategory.UNSAFE_AT_HOME.value
EXCEPTION = RiskCategory.EXCEPTION.value

_ME = "myself"
# Someone introducing a person they worry about writes "herself", "himself".
_SELF = "myself|herself|himself|themselves|themself"
_PEOPLE = "someone|somebody|people|anyone|everyone|him|her|them|strangers|a_person|those_people|the_people"
_FAMILY = (
    "kids|kid|children|child|baby|babies|son|daughter|toddler|wife|husband|partner|mum|mom|mother|dad|father"
    "|brother|sister|neighbour|neighbours|boss|girlfriend|boyfriend|family|little_one|stepdad|stepmum|ex|landlord"
    "|flatmate|teacher|grandma|nan|grandad|cousin|uncle|aunt"
)
_ABUSER = (
    "he|she|partner|husband|wife|boyfriend|girlfriend|bf|gf|ex|dad|father|stepdad|mum|mother|stepmum|brother"
    "|sister|son|carer|uncle|landlord|someone|somebody|people|they"
)
_ABUSER_NAMED = _ABUSER.removesuffix("|someone|somebody|people|they")
_VIOLENCE = (
    "hit~|hits|beat~|beats|punch~|punches|kick~|kicks|slap~|slaps|strangle~|choke~|chokes|throttle~|rape~"
    "|batter~|abuse~|abuses|threaten~|threatens|assault~|bruise~|hurt~|smack~|smacks|attack~|bit|bite~|bites"
    "|kill~|stab~|pushed|shoved|grabbed|dragged|pinned"
)
_TABLETS = (
    "pills|tablets|meds|medication|medications|paracetamol|painkillers|sleeping_pills|sleeping_tablets"
    "|antidepressants|insulin|co_codamol|codeine|tramadol|sertraline|lithium"
)

DEFAULT_LEXICON: list[tuple[str, str, str]] = [
    # Suicide ------------------------------------------------------------------------------------------
    ("suicid*", SUICIDE, "Suicide, suicidal; typos such as 'sucidal' are corrected before matching."),
    ("sewerslide|sewer_slide|unalive~|un_alive|suicided", SUICIDE, "Slang used online to get past filters."),
    (
        f"kill~|killd|kil|kiling|top~|topping|off|end|unalive~|hang~|hung|drown~|gas|gassing|poison~|shoot|shot|electrocute~|suffocate~|smother~|strangle~ {_SELF}",
        SUICIDE,
        "Killing oneself, in its forms and slang (topping myself, offing myself).",
    ),
    ("kms|kmsl|ctb", SUICIDE, "Text-speak: kill myself; 'catch the bus' from pro-suicide forums."),
    (f"do|done|doing|did {_ME} in", SUICIDE, "Doing myself in."),
    ("end~ ... my|own|her|his|their life", SUICIDE, "End my life, ending my own life, end my miserable life."),
    ("end~ things|it_all|everything", SUICIDE, "End it all, ending everything."),
    ("end~ it now|tonight|today|soon|forever|for_good|once_and_for_all", SUICIDE, "End it tonight."),
    ("take~|took|taken my [own] life", SUICIDE, "Take my own life."),
    (
        "want~|wanted|wish|wishing|ready|deserve|should|need [just] to [just|really|actually|simply|fucking|finally] die|dye",
        SUICIDE,
        "Want to die, wanna die, ready to die.",
    ),
    (
        "want~|wanted|wish [just] to [just] be_dead|not_exist|not_be_alive|stop_existing|disappear_forever",
        SUICIDE,
        "Want to be dead.",
    ),
    ("i|just [really] wanna|want~ die", SUICIDE, "'I want die', as it is sometimes typed."),
    ("wish i was|were|could_be|d_be dead|gone|not_alive|not_here", SUICIDE, "Wishing to be dead."),
    (
        "want~|going|gonna|ready|decided|planning|plan|need to end it",
        SUICIDE,
        "I want to end it; see the exception for 'end it with him'.",
    ),
    (
        "wish ... never_been_born|never_existed|wasnt_born|wasnt_here|wasnt_alive|didnt_exist|never_born|wasnt_around|werent_here|wasnt_born",
        SUICIDE,
        "Wishing never to have been born.",
    ),
    ("wish i [could|would|just] [just] die|died", SUICIDE, "Wish I could die."),
    ("better_off|rather_be|better|id_rather_be|be_better dead", SUICIDE, "Better off dead, rather be dead."),
    ("rather|sooner [just] die", SUICIDE, "I'd rather die."),
    ("better_off|be_better gone|not_here|not_alive|not_around", SUICIDE, "Better off gone."),
    (
        "not_going_to_be|wont_be|not_be|not_gonna_be around|here much_longer|for_much_longer|for_long|tomorrow|by_the_morning",
        SUICIDE,
        "I'm not going to be around much longer.",
    ),
    (
        "way_out|escape|answer|solution ... die|dying|death|dead|end_it|killing_myself|suicide",
        SUICIDE,
        "No way out except dying.",
    ),
    (
        "rather|prefer|want~|wish|id_rather [just] not be_alive|exist|be_here|wake_up|be_around|live",
        SUICIDE,
        "I'd rather not be alive.",
    ),
    (
        "think~|thinking|thought|dream~|fantasi*|obsess* about|of dying|death|being_dead|jumping|hanging|drowning|overdosing|ending_it|ending_things|not_existing|not_being_here|killing_myself|my_funeral",
        SUICIDE,
        "Thinking about dying; thinking of jumping.",
    ),
    (
        "want~|need out_of_this_life|out_of_life|out_of_this_world|to_leave_this_world|to_leave_this_life",
        SUICIDE,
        "I want out of this life.",
    ),
    ("had enough [of] life|living|being_alive|it_all|this_life", SUICIDE, "I've had enough of life."),
    ("disappear~|vanish~ and never come_back|be_seen|return|be_found", SUICIDE, "Disappear and never come back."),
    ("better_off|be_better|better without me", SUICIDE, "Better off without me."),
    (
        "better_off|happier|easier|better|relieved ... if i ... gone|dead|died|wasnt|disappeared|not_here|wasnt_here|werent|didnt_exist|never_existed|wasnt_around",
        SUICIDE,
        "They would be better off if I was gone.",
    ),
    ("might_as_well [just] die|be_dead|end_it|kill_myself|not_be_here", SUICIDE, "Might as well be dead."),
    (
        "nobody|no_one|none would|will|wouldnt|gonna [even] miss me|care",
        SUICIDE,
        "Nobody would miss me, no one would care.",
    ),
    (
        "nobody|no_one would|will|wouldnt [even] notice|care|miss ... if i ... gone|died|dead|disappeared|wasnt|didnt",
        SUICIDE,
        "No one would notice if I was gone.",
    ),
    ("dont|do_not|didnt|never|no_longer want~ to be here|alive|around", SUICIDE, "I don't want to be here anymore."),
    (
        "dont|do_not|no_longer want~ to exist|live_anymore|live_any_longer|go_on|carry_on|wake_up|live_anymore",
        SUICIDE,
        "I don't want to exist; I don't want to wake up.",
    ),
    ("dont|do_not want~ to live ... anymore|any_longer|like_this", SUICIDE, "I don't want to live like this anymore."),
    ("not|isnt|aint|no_longer|never|nt|wasnt worth living|livin", SUICIDE, "Life isn't worth living."),
    ("life|lifes [is] not|isnt|aint|no_longer worth it", SUICIDE, "Life is not worth it."),
    (
        "no|whats|what_is|the point|reason [in|to|of] living|live|life|being_alive|going_on|carrying_on|existing|being_here|it_all|me_being_here|staying_alive",
        SUICIDE,
        "No point in living; what's the point of going on.",
    ),
    (
        "no reason|point ... to live|to_go_on|to_be_here|to_stay_alive|to_keep_going",
        SUICIDE,
        "There is no reason for me to live.",
    ),
    ("nothing|no_one|nobody|nothing_left to live for", SUICIDE, "Nothing to live for."),
    ("lost|lose|losing|no|have_no [the] will to live", SUICIDE, "Lost the will to live."),
    (
        "cant|cannot|can_not|couldnt go_on|carry_on|keep_going|go_on_living",
        SUICIDE,
        "I can't go on. See the exception for 'can't go on holiday'.",
    ),
    ("cant|cannot|can_not do this|it|life anymore|much_longer|any_longer", SUICIDE, "I can't do this anymore."),
    (
        "cant|cannot|can_not take|cope_with|face|handle|stand this|it|life|the_pain anymore|much_longer|any_longer",
        SUICIDE,
        "I can't take it anymore.",
    ),
    (
        "tired_of|sick_of|done_with|fed_up_of|fed_up_with|exhausted_by living|life|being_alive|existing|it_all|this_life",
        SUICIDE,
        "Tired of living, done with life.",
    ),
    ("go|goin|going|fall|falling|drift|gone to sleep and never|not wake~", SUICIDE, "Go to sleep and never wake up."),
    ("sleep and never|not wake~", SUICIDE, "Sleep and never wake up."),
    (
        "stood|standing|stand|climbed|climbing|sat|sitting on|over|onto|at the|a bridge|ledge|edge|railings|cliff_edge|roof|parapet",
        SUICIDE,
        "Standing on the bridge.",
    ),
    ("wish|want~|need|hope it would|to|could all end|stop|be_over", SUICIDE, "I wish it would all end."),
    (
        "cant|cannot|can_not face|do|take|survive another day|tomorrow|another_night",
        SUICIDE,
        "I can't face another day.",
    ),
    (
        f"took|taken|swallowed|downed|necked|had # [sleeping|of_my|of_the] {_TABLETS}",
        SUICIDE,
        "Took 20 sleeping tablets.",
    ),
    (
        f"{_TABLETS}|rope|noose|blade|blades|gun ready|sorted|prepared|lined_up|waiting",
        SUICIDE,
        "I have the tablets ready.",
    ),
    ("got|have|bought|ordered the|a rope|noose", SUICIDE, "I've got the rope."),
    ("sleep forever|for_ever|permanently", SUICIDE, "Sleep forever."),
    (
        "hope|wish|pray i dont|never|wont|do_not|didnt|dont_ever|wouldnt|dont_wake|never_wake [ever] wake up",
        SUICIDE,
        "Hope I don't wake up.",
    ),
    ("disappear~ forever|for_good|permanently|for_ever", SUICIDE, "Disappear for good."),
    ("overdos*|od|oding|oded|odd_on", SUICIDE, "An overdose, planned or taken; 'od' as people text it."),
    (
        f"too_many|whole|load_of|loads_of|lots_of|box_of|packet_of|packets_of|bottle_of|handful_of|stash_of|bunch_of|a_lot_of|fistful_of|strip_of|strips_of|whole_box_of|whole_packet_of|a_month_of|a_weeks {_TABLETS}",
        SUICIDE,
        "Taking too many tablets, a whole packet of paracetamol.",
    ),
    (
        f"took|taken|take~|swallow~|swallowed|down~ all|every [my|the|of] [my|the] {_TABLETS}",
        SUICIDE,
        "Took all my tablets.",
    ),
    (f"saved|saving|save~|stockpil*|hoard*|collect~|stash~|storing|kept ... {_TABLETS}", SUICIDE, "Saving up tablets."),
    (f"{_TABLETS} ... saved|stockpiled|hoarded|stashed|put_aside|hidden_away", SUICIDE, "Tablets saved up."),
    ("noose|ligature~", SUICIDE, "A noose or ligature."),
    (
        "hang~|hung from|by|with a|the|my rope|belt|cord|tree|door|banister|bannister|beam|ceiling|loft",
        SUICIDE,
        "Hanging, by a rope or from a door.",
    ),
    ("rope|belt|cord|scarf|ligature around|round my neck", SUICIDE, "A rope around my neck."),
    (
        "jump~|throw~|threw|chuck~|fling~|launch~|hurl~ [myself|me] off|from|out_of|into|over|in ... bridge|building|roof|rooftop|cliff|cliffs|balcony|car_park|multi_storey|tower|tower_block|flyover|window|ledge|top_floor|pier|edge|high|railings|platform|river|canal|sea|thames|lake|water",
        SUICIDE,
        "Jumping from a bridge, throwing myself off a roof.",
    ),
    (
        "in_front_of|under|infront_of a|the|an [oncoming|moving|speeding] train|tube|bus|lorry|car|truck|traffic|van|coach",
        SUICIDE,
        "In front of a train; under a lorry.",
    ),
    (
        "step~|stepped|walk~|walked|run|ran|lie|lay|lying into|in_front_of|onto|out_in_front_of [the|a|an] traffic|train|tube|lorry|track|tracks|railway|line|motorway|road",
        SUICIDE,
        "Stepping in front of a train; walking into traffic.",
    ),
    (
        "walk~|walked|swim~|swam|wade|waded into|out_into|out_to [the] sea|river|canal|lake|thames|water|waves",
        SUICIDE,
        "Walking into the sea.",
    ),
    (
        "drive~|drove|crash~|steer~ [my|the] [car] into|off ... wall|tree|bridge|cliff|lorry|oncoming|motorway|road|purpose",
        SUICIDE,
        "Crashing my car on purpose.",
    ),
    ("slit~|slash~|cut~|cutting|open my|me|the wrists|wrist|throat|veins", SUICIDE, "Slitting wrists or throat."),
    ("goodbye|suicide|farewell note|notes|letter|letters|message|messages|video|videos", SUICIDE, "Goodbye letters."),
    (
        "written|writing|wrote|write|left [my|a|the] goodbyes|goodbye_note|goodbye_letter|goodbye_letters|note_for_my_family|letters_to_my_family|letter_to_my_kids|notes_for_everyone|my_will",
        SUICIDE,
        "Writing goodbyes.",
    ),
    (
        "say~|said|saying my_goodbyes|goodbye_forever|final_goodbye|last_goodbye|goodbye_for_good|goodbye_for_the_last_time",
        SUICIDE,
        "Saying my final goodbyes.",
    ),
    (
        "giving|given|give|gave away ... my things|stuff|belongings|possessions|pets|dog|cat|cats|dogs",
        SUICIDE,
        "Giving away belongings.",
    ),
    (
        "cant|cannot|can_not|unable_to|dont_think_i_can|struggling_to|not_able_to|couldnt keep|stay [myself|me] safe",
        SUICIDE,
        "I can't keep myself safe.",
    ),
    (f"not safe from|around|with|by {_ME}", SUICIDE, "Not safe from myself."),
    ("not|dont|never feel~ safe alone|on_my_own|by_myself", SUICIDE, "I don't feel safe on my own."),
    (
        "scared|afraid|frightened|terrified|petrified of what i|ill|id ... do|might|could",
        SUICIDE,
        "Scared of what I might do.",
    ),
    (
        "dont|do_not|cant|cannot trust myself around|alone|with|not_to|tonight|anymore|any_more",
        SUICIDE,
        "I don't trust myself tonight.",
    ),
    (
        "plan~|planned|planning|worked_out|researching|researched|looking_up|googled|googling ... to_die|to_kill|my_death|my_suicide|my_exit|how_to_die|ways_to_die|how_to_kill|how_many_tablets|how_many_pills|painless_way|painless_ways|how_to_end",
        SUICIDE,
        "Planning or researching how to die.",
    ),
    (
        "this_is_goodbye|last_night_alive|last_day_alive|my_last_message|last_goodbye|wont_be_here_tomorrow|not_be_here_tomorrow|wont_be_around_much_longer|wont_be_here_much_longer|not_be_around_much_longer|wont_wake_up_tomorrow|not_wake_up_tomorrow",
        SUICIDE,
        "Last words.",
    ),
    ("drink~|drank|drinking|starve~ [myself] to death", SUICIDE, "Drinking myself to death."),
    (
        "want~|wish|wishing|need [for] it_all|everything|my_life|life|it to end|stop|be_over",
        SUICIDE,
        "I want it all to stop.",
    ),
    # Found missed in a review of new phrasings (2026-12-06, decision 0067) ------------------------------
    (
        "this_is_my_goodbye|this_is_my_last_goodbye|this_is_my_final_goodbye|this_is_goodbye_for_good",
        SUICIDE,
        "This is my goodbye.",
    ),
    (
        "say~|said|saying goodbye to everyone|everybody|you_all|all_of_you|the_world|this_world|life",
        SUICIDE,
        "Saying goodbye to everyone.",
    ),
    (
        "say~|said|saying goodbye ... tonight|forever|for_good|for_the_last_time|one_last_time",
        SUICIDE,
        "Saying goodbye to my kids tonight.",
    ),
    (
        "wont|will_not|not_going_to|not_gonna be [a] burden ... much_longer|for_much_longer|for_long|anymore|any_longer|soon",
        SUICIDE,
        "I won't be a burden much longer.",
    ),
    (
        "im|i_am|ive_become|i_have_become|feel_like|i_feel_like|just|such [a|such_a] burden to|on|for everyone|everybody|my_family|my_kids|my_children|you_all|people|them|you|my_partner|my_wife|my_husband|my_mum|my_parents",
        SUICIDE,
        "I'm a burden to everyone: feeling a burden is a warning sign.",
    ),
    (
        "whats_the|what_is_the|theres_no|there_is_no|is_there_any|no point anymore|any_more|of_anything|of_it_all|in_anything|in_trying|of_trying",
        SUICIDE,
        "What's the point anymore.",
    ),
    (
        "going_to|gonna|might|will|about_to|want_to|tempted_to|close_to|afraid_ill|scared_ill|afraid_i_will|scared_i_will|worried_ill|worried_i_will do something|anything stupid|silly|drastic|dangerous|i_regret|ill_regret|i_will_regret|i_might_regret|i_cant_take_back|terrible|permanent",
        SUICIDE,
        "I'm going to do something stupid.",
    ),
    (
        "dont|do_not|never|no_longer|not feel~ safe with_myself|around_myself|from_myself|by_myself|in_my_own_company|in_my_own_head|in_my_head",
        SUICIDE,
        "I don't feel safe with myself tonight.",
    ),
    (
        "voice|voices ... tell~|telling|told|say~|says|saying|command~|want~|wants|order~ ... i_should_die|to_die|me_dead|i_deserve_to_die|kill_myself|end_it|end_my_life|jump|hang_myself|overdose|to_end_it",
        SUICIDE,
        "The voices say I should die.",
    ),
    ("my|all_my affairs in_order|sorted|straight", SUICIDE, "Putting my affairs in order."),
    ("sort~|sorted|sorting|put|putting|getting|got my|all_my affairs", SUICIDE, "Sorting my affairs."),
    (
        "giving|given|give|gave|gives my|all_my|her|all_her|his|all_his|their|all_their things|stuff|belongings|possessions|pets|dog|cat|cats|dogs away",
        SUICIDE,
        "Giving my things away.",
    ),
    (
        "want~|wish|wishing|need|ready|long|longing|cant_wait to be_with|join|go_to|see ... heaven|in_heaven|who_passed|who_died|who_passed_away|on_the_other_side|in_the_afterlife|afterlife",
        SUICIDE,
        "I want to be with my mum in heaven; to join my wife who passed.",
    ),
    (
        "use~|using|used it|them|this|that|a_knife|the_knife|the_blade|a_blade|the_razor|the_gun|a_gun|the_rope on myself",
        SUICIDE,
        "I have a knife and I want to use it on myself.",
    ),
    (
        "got|have|bought|own|found|get|getting|keep|kept a|the|my|dads|his gun|firearm|pistol|shotgun|rifle|handgun",
        SUICIDE,
        "I've got a gun: most deaths by firearm are suicides.",
    ),
    (
        "drunk|drank|drink~|swallowed|swallow~|downed|took|taken|necked bleach|antifreeze|anti_freeze|weedkiller|weed_killer|poison|rat_poison|paraquat|drain_cleaner|disinfectant|toilet_cleaner",
        SUICIDE,
        "I've drunk bleach.",
    ),
    (
        "ive|i|i_nearly|i_almost|nearly odd",
        SUICIDE,
        "OD'd as people write it: 'odd', once the apostrophe has gone.",
    ),
    (
        "station|platform|tracks|track|railway|bridge|roof|rooftop|edge|cliff|cliffs|car_park|multi_storey ... going_to|gonna|about_to|ready_to|want_to jump",
        SUICIDE,
        "I'm at the station and I'm going to jump.",
    ),
    (
        "im|i_am|sitting|sat|stood|standing on|at the|a roof|rooftop|ledge|parapet|cliff_edge|railings|top_of_the_car_park|top_of_a_car_park|edge_of_the_roof|edge_of_the_bridge|edge_of_the_cliff|edge_of_a_cliff|edge_of_the_platform",
        SUICIDE,
        "I'm on the roof.",
    ),
    (
        "want~|going_to|gonna|planning_to|plan_to|thinking_of|thought_of|tempted_to|about_to crash~|wreck~|write_off my|the car|motorbike",
        SUICIDE,
        "I'm going to crash my car.",
    ),
    ("dont|cant|do_not|cannot see a|any future for_myself|for_me", SUICIDE, "I don't see a future for myself."),
    # Someone introducing a person they worry about writes of them: she, he, they.
    (
        "doesnt|does_not|didnt|dont|do_not|no_longer want~|wants to be_here|be_alive|be_around|live|exist|wake_up|go_on",
        SUICIDE,
        "I don't want to live; she doesn't want to be here anymore. Also flags 'don't want to live in this flat'.",
    ),
    (
        "everyone|everybody|the_world|the_family ... better_off|happier|better without him|her|them|me",
        SUICIDE,
        "Everyone would be better off without her.",
    ),
    (
        "cant|cannot|can_not|unable_to|couldnt|not_able_to keep|stay herself|himself|themselves|themself safe",
        SUICIDE,
        "She can't keep herself safe.",
    ),
    (
        "talk~|talking|talks|talked|keeps_saying|keeps_on|going_on|goes_on|on_about ... ending_it|ending_things|ending_it_all|ending_his_life|ending_her_life|ending_their_life|killing_himself|killing_herself|killing_themselves|suicide|dying|not_being_here|being_dead|taking_his_life|taking_her_life|taking_their_life",
        SUICIDE,
        "He keeps talking about ending it.",
    ),
    (
        "wont|will_not|wouldnt|not_going_to|doesnt|dont need my|her|his|their things|stuff|belongings|clothes|possessions",
        SUICIDE,
        "She says she won't need her things.",
    ),
    ("want~|wants|wanted|wish|wishes|wishing to disappear|vanish", SUICIDE, "She wants to disappear."),
    (
        "how_much_longer|how_long ... do_this|go_on|keep_going|take_this|cope|carry_on|hold_on|keep_doing_this",
        SUICIDE,
        "I don't know how much longer I can do this.",
    ),
    (
        "cant_be_arsed|cba|cant_be_bothered|cant_be_asked [with] life|living|existing|being_alive",
        SUICIDE,
        "Can't be arsed with life anymore.",
    ),
    (
        "im|i_am|im_just|i_am_just|shes|hes done with_everything|with_it_all|with_life|with_living",
        SUICIDE,
        "I'm done with everything.",
    ),
    # A third review (decision 0067): older people, young people's words, a method hinted at --------------
    ("had my life ... ready|go|die|enough|done", SUICIDE, "I've had my life, I'm ready to go."),
    (
        "pray~|praying|hope|wish ... god|lord|jesus|allah ... take~|takes|took me",
        SUICIDE,
        "I pray that God takes me.",
    ),
    (
        "no|any reason|point to carry_on|to_continue|to_get_up|to_keep_living|to_keep_going|to_go_on",
        SUICIDE,
        "No reason to carry on.",
    ),
    (
        "think~|thinking|thought about|of the train_tracks|tracks|railway_line|railway|the_bridge|the_rope|the_edge",
        SUICIDE,
        "Thinking about the train tracks.",
    ),
    ("im|i_am [so|just|literally|actually] done fr|frfr|for_real|for_good", SUICIDE, "I'm so done fr."),
    (
        "cant|cannot|can_not do|take|cope_with this|it|life no_more|nomore|no_longer",
        SUICIDE,
        "I can't do this no more.",
    ),
    (
        f"{_TABLETS} ... than_i_should|than_im_supposed_to|than_i_am_supposed_to|than_prescribed|than_im_meant_to|than_i_am_meant_to|on_purpose|deliberately",
        SUICIDE,
        "Taking more of my meds than I should; pills with vodka on purpose; insulin stopped on purpose.",
    ),
    (
        "care if|whether i|she|he|they live~|living|die|dying|wake_up|make_it|survive|get_hurt",
        SUICIDE,
        "I don't care if I live or die.",
    ),
    (
        "hope|wish|wishing|pray~|praying something|anything bad|terrible|awful happens|will_happen|would_happen to me",
        SUICIDE,
        "I hope something bad happens to me.",
    ),
    (
        "hoping|hope|hopefully|wish|wishing i crash|crashed|die|get_killed|get_hit|dont_make_it|dont_survive|dont_wake_up",
        SUICIDE,
        "Driving too fast hoping I crash.",
    ),
    (
        "feel~|feeling like|about end_it|ending_it|ending_it_all|ending_things|ending_my_life|dying|killing_myself|giving_up_on_life",
        SUICIDE,
        "I feel like ending it; see the exception for 'ending it with him'.",
    ),
    (
        "no|cant_see_a|cant_see_any|theres_no|there_is_no|dont_see_a|dont_see_any|cannot_see_a|cannot_see_any way_out|escape",
        SUICIDE,
        "There's no way out; see the exception for the way out of a car park.",
    ),
    # Self-harm ----------------------------------------------------------------------------------------
    (
        "self harm~|harmer|harmers|injur*|mutilat*|harmed|harmin",
        SELF_HARM,
        "Self-harm, self-harming, self harm, selfharm, self-injury.",
    ),
    ("sh relapse~|urges|scars|again|clean|wounds", SELF_HARM, "'SH' as people write self-harm."),
    ("relapse~|relapsed ... sh|cutting|self_harm|self_harming|harming|burning", SELF_HARM, "Relapsing into cutting."),
    (f"harm~|hurt~|hurtin|injur* ... {_ME}", SELF_HARM, "Hurting or harming myself, a few words apart."),
    (
        f"cut~|cuttin|burn~|burnt|scald~|stab~|bruise~|punish~|starve~|bleed~|slash~|carve~|scar~|pinch~|bite~|bit|scratch~|hit~|punch~|hurt~|harm~|injure~ {_SELF}",
        SELF_HARM,
        "Cutting, burning or stabbing myself.",
    ),
    (
        "cut~|cuttin|slash~|carve~|carving|burn~|burnt|scar~|scarring|stab~ my|me|the arm|arms|leg|legs|thigh|thighs|skin|stomach|body|hips|wrist|wrists|chest|belly",
        SELF_HARM,
        "Cutting my arms.",
    ),
    (
        "keep|kept|started|start|been|cant_stop|stop|stopped|again|relapse~|relapsed|back_to cutting|burning|harming",
        SELF_HARM,
        "I keep cutting; I've started cutting again.",
    ),
    (
        "cut~|cutting|burn~|burnt|harm~ again|deeper|too_deep|last_night|every_night|every_day|when_im|when_i_feel",
        SELF_HARM,
        "I cut again last night.",
    ),
    (
        "cutting|cuts|cut|hurting_myself|burning ... only thing|helps|relief|release|calms|numbs|cope",
        SELF_HARM,
        "Cutting is the only thing that helps.",
    ),
    (
        "want~|need|urge|urges|tempted|craving|cravings to cut|burn|bleed|hurt_myself",
        SELF_HARM,
        "I want to cut; see the exceptions for 'cut down'.",
    ),
    ("until|till|til|so it|they|i bleed~|bleeds|bled|bleeding", SELF_HARM, "Scratching my skin until it bleeds."),
    ("deserve~ the|this|all_the pain|to_hurt|to_suffer", SELF_HARM, "I deserve the pain."),
    (
        "blade|blades|razor|razors hidden|hide|hid|stash|stashed|in_my_room|under_my_bed|in_my_drawer",
        SELF_HARM,
        "A blade hidden in my room.",
    ),
    (
        "arm|arms|wrist|wrists|thigh|thighs|legs|skin|stomach ... cuts|scars|burns|slashes|cut|scarred",
        SELF_HARM,
        "My arms are covered in cuts.",
    ),
    ("fresh|new|deep|my|sh cuts|wounds|scars|burns", SELF_HARM, "Fresh cuts; my cuts are infected."),
    ("hurt~|harm~|punish~|damage~|destroy~|hurtin my body|skin", SELF_HARM, "Hurting my body."),
    ("to feel pain|the_pain", SELF_HARM, "Tying something tight to feel pain."),
    ("punch~|smash~|headbutt~ my head|face|fists|fist", SELF_HARM, "Punching my face."),
    (
        "keep|kept|been|started|cant_stop banging|hitting|punching|smashing my head|face",
        SELF_HARM,
        "I keep banging my head.",
    ),
    (
        "hit~|hitting|bang~|smash~ my head against|on|off|into ... wall|walls|floor|radiator|mirror",
        SELF_HARM,
        "Hitting my head against the wall.",
    ),
    (
        "punch~|punched|hit~|smash~ walls|the_wall|the_walls|a_wall|a_window|windows|mirrors|the_mirror|the_door|doors",
        SELF_HARM,
        "Punching walls.",
    ),
    (
        "blade|blades|razor|razors|glass|knife|lighter ... arm|arms|skin|wrist|wrists|thigh|thighs",
        SELF_HARM,
        "Blades to skin.",
    ),
    ("urge|urges|urged|craving|cravings|need|itch to cut|harm|hurt|burn|bleed", SELF_HARM, "Urges to cut."),
    ("deserve to suffer|be_hurt|be_punished|feel_pain|be_in_pain|bleed|be_cut", SELF_HARM, "I deserve to be hurt."),
    ("make|made|making myself bleed|bleeding|throw_up|sick_on_purpose", SELF_HARM, "Making myself bleed."),
    (
        "make~|made|making myself sick|vomit|puke|throw_up",
        SELF_HARM,
        "Making myself sick; see the exception for 'sick with worry'.",
    ),
    ("shing|sh_ing", SELF_HARM, "'SH'ing' as people text self-harming."),
    # Harm to others -----------------------------------------------------------------------------------
    (
        f"kill~|murder~|stab~|hurt~|harm~|attack~|strangle~|smother~|shoot|beat~|batter~|poison~|punch~|knife|glass~ [the|those|that|these|all] {_PEOPLE}",
        HARM_TO_OTHERS,
        "Wanting to kill or hurt someone.",
    ),
    (
        f"kill~|murder~|stab~|hurt~|harm~|attack~|strangle~|smother~|shake~|shoot|beat~|batter~|hit~|poison~|drown~|suffocate~|punch~ my|the|our|his|her|their {_FAMILY}",
        HARM_TO_OTHERS,
        "Hurting my kids; harming a family member.",
    ),
    (
        f"beat~|batter~|kick~|smash~|knock~ {_PEOPLE}|my|the|his|her|their ... up|in|head_in|face_in",
        HARM_TO_OTHERS,
        "Beating someone up.",
    ),
    (
        "voice|voices|they|god|devil ... tell~|telling|told|say~|says|saying|command~|want~|wants|order~|make~|makes ... hurt|kill|harm|attack|stab|murder|do_bad|do_things|do_something|punish|poison|strangle",
        HARM_TO_OTHERS,
        "Voices telling me to hurt people.",
    ),
    (
        f"thought|thoughts|urge|urges|images|pictures|scared|afraid|frightened|terrified|intrusive ... of|about hurting|harming|killing|stabbing|drowning|smothering|strangling|attacking|shaking|suffocating|poisoning [my|the|a] {_PEOPLE}|{_FAMILY}",
        HARM_TO_OTHERS,
        "Thoughts of hurting someone, my baby.",
    ),
    (
        "lose|losing|lost|snap|snapping control and|then hurt|hit|kill|harm|attack|stab|do_something",
        HARM_TO_OTHERS,
        "I will lose control and hurt someone.",
    ),
    ("snap|snapping|flip|flipping and hurt|kill|hit|attack|stab|harm", HARM_TO_OTHERS, "I'll snap and hurt someone."),
    (
        "carry~|carrying|carried|taking|take|keep|keeping|sleep_with a|my knife|blade|weapon|gun|machete|hammer",
        HARM_TO_OTHERS,
        "Carrying a knife or weapon.",
    ),
    (
        "knife|blade|weapon|gun|machete on_me|with_me|in_my_bag|in_my_pocket|under_my_pillow|by_my_bed",
        HARM_TO_OTHERS,
        "A knife under my pillow.",
    ),
    (
        "set_fire_to|burn|burn_down|torch|petrol_bomb his|her|their|the|my ... house|flat|car|home|place",
        HARM_TO_OTHERS,
        "Setting fire to his house.",
    ),
    ("burn~|torch~ ... house|flat|home|place down", HARM_TO_OTHERS, "Burning their house down."),
    ("kys", HARM_TO_OTHERS, "Text-speak: kill yourself."),
    ("revenge on|against", HARM_TO_OTHERS, "Revenge on someone."),
    ("make him|her|them|everyone|people pay|suffer", HARM_TO_OTHERS, "Make them pay."),
    (
        "im|i_am|i_could_be|i_might_be|i_feel_like|ive_become|i_have_become|i_worry_im|im_scared_im [a] danger|dangerous|threat to others|other_people|people|everyone|the_public|someone|somebody|my_kids|my_children|my_family|my_baby|my_partner",
        HARM_TO_OTHERS,
        "I'm a danger to others.",
    ),
    (
        "push~|pushing|shove~|shoving|throw~|throwing someone|somebody|people|a_person|strangers|him|her|them in_front_of|off|under",
        HARM_TO_OTHERS,
        "Thoughts of pushing people in front of trains.",
    ),
    # Unsafe where they live ---------------------------------------------------------------------------
    (
        "not|dont|never|no_longer|isnt|aint|wasnt|hardly ... safe at|in ... home|house|flat|room|place|bed|bedroom",
        UNSAFE_AT_HOME,
        "Not safe at home; don't feel safe in my own home.",
    ),
    (
        "unsafe|scared|frightened|terrified|afraid|danger at|in ... home|house|flat|place",
        UNSAFE_AT_HOME,
        "Unsafe at home; scared in my own house.",
    ),
    (
        "home|house|flat|place isnt|is_not|not|aint|never|doesnt_feel|dont_feel|isnt_a safe",
        UNSAFE_AT_HOME,
        "Home isn't safe.",
    ),
    (
        "scared|afraid|frightened|terrified|petrified ... to_go_home|to_go_back_home|of_going_home|to_be_at_home|to_be_home",
        UNSAFE_AT_HOME,
        "Scared to go home.",
    ),
    (
        f"not|dont|never|isnt|no_longer [feel|feeling] safe with|around|near|living_with|at_home_with|being_with|alone_with him|her|them|my [{_ABUSER}]",
        UNSAFE_AT_HOME,
        "Not safe with him.",
    ),
    (f"{_ABUSER} ... {_VIOLENCE} me|us|mum|my|mom", UNSAFE_AT_HOME, "He hits me; my partner threatens us."),
    (
        f"{_ABUSER_NAMED} [is|gets|can_be|becomes|has_been|got|was|has_become] ... abusive|violent|aggressive|dangerous|controlling|nasty_when_drunk",
        UNSAFE_AT_HOME,
        "My partner is abusive; he gets violent.",
    ),
    ("take|taking|took the|my kids|children|baby away|off_me|from_me", UNSAFE_AT_HOME, "He'll take the kids away."),
    (
        "he|she|they ... take|keep the|my kids|children|baby if",
        UNSAFE_AT_HOME,
        "He says he'll take the kids if I tell anyone.",
    ),
    ("black_eye|black_eyes|split_lip|fat_lip", UNSAFE_AT_HOME, "A black eye."),
    (
        f"{_ABUSER} ... pushed|shoved|grabbed|dragged|pinned|pins|grabs|drags|pushes|shoves|held me ... down|over|against|into|by|across|around|to_the_floor|up|off",
        UNSAFE_AT_HOME,
        "He pushed me down the stairs; grabbed me by the throat.",
    ),
    (
        f"{_ABUSER} ... throws|threw|chucks|chucked|throw~ things|stuff|plates|objects|it ... at me|at_us",
        UNSAFE_AT_HOME,
        "He throws things at me.",
    ),
    ("scared|afraid|frightened|terrified|petrified of him|her", UNSAFE_AT_HOME, "Scared of him."),
    (
        f"scared|afraid|frightened|terrified|petrified|fear|fearful|in_fear of my|his|her [{_ABUSER_NAMED}]",
        UNSAFE_AT_HOME,
        "Scared of my partner.",
    ),
    (
        "not|dont|never|isnt|no_longer ... safe where_i_live|where_im_living|where_im_staying|where_i_am_staying|where_i_am|where_i_stay",
        UNSAFE_AT_HOME,
        "Not safe where I live.",
    ),
    ("domestic abuse|violence|abuser", UNSAFE_AT_HOME, "Domestic abuse or violence."),
    (
        "abuser|abusers|my_abuser|coercive_control|coercive|gaslight~|gaslit",
        UNSAFE_AT_HOME,
        "An abuser; coercive control.",
    ),
    (
        "abusive|violent|controlling partner|husband|wife|boyfriend|girlfriend|relationship|ex|dad|father|stepdad|mum|mother|home|family|son|brother|household",
        UNSAFE_AT_HOME,
        "An abusive or violent partner.",
    ),
    (
        "threaten~|threats|threatening ... kill|hurt|harm|take_the_kids|take_my_kids|beat|hit|stab|kick_me_out|throw_me_out|burn",
        UNSAFE_AT_HOME,
        "Threatened to kill me.",
    ),
    ("locks|locked|lock~ me in|out|inside", UNSAFE_AT_HOME, "Locked in or out."),
    (
        "wont|doesnt|does_not|will_not|never|not_allowed_to|dont_let let~|lets|allowed|allow~|allows [me] leave|go_out|out|see_my_friends|see_anyone|see_my_family|see_friends|see_people|talk_to_anyone|have_money|have_my_own_money|use_my_phone|have_a_phone|leave_the_house|have_friends|work",
        UNSAFE_AT_HOME,
        "He won't let me leave or see anyone.",
    ),
    (
        f"{_ABUSER_NAMED} ... takes|took|controls|controlling|checks|keeps|smashed|broke|hides|steals|stole|tracks|reads my money|phone|bank|card|keys|passport|benefits|wages|messages|location",
        UNSAFE_AT_HOME,
        "He controls my money and checks my phone.",
    ),
    (
        "forced|forces|force~|made|makes|pressured|pressures me ... sex|sexual|sleep_with",
        UNSAFE_AT_HOME,
        "Forced into sex.",
    ),
    (
        "raped|rape|sexually_assaulted|sexual_assault|molested|groped|sexually_abused|sexual_abuse",
        UNSAFE_AT_HOME,
        "Rape or sexual assault.",
    ),
    (
        "beaten|battered|abused|strangled|choked|assaulted|attacked|hit|punched|kicked [up] by",
        UNSAFE_AT_HOME,
        "Beaten by someone.",
    ),
    (
        "being|been|getting|get abused|hurt|beaten|hit|threatened|controlled|strangled|assaulted|raped|battered|bullied_at_home|attacked",
        UNSAFE_AT_HOME,
        "Being abused.",
    ),
    (
        "kicked|thrown|threw|chucked [me] out ... tonight|nowhere|streets|street",
        UNSAFE_AT_HOME,
        "Thrown out with nowhere to go tonight.",
    ),
    (
        "nowhere|no_where|no_place safe|to_go_tonight|to_sleep|to_sleep_tonight|to_stay_tonight|to_stay",
        UNSAFE_AT_HOME,
        "Nowhere safe to go.",
    ),
    (
        "black_eye|bruises|bruised|marks|bruise|injuries ... he|she|him|her|partner|husband|boyfriend|girlfriend|wife|dad|stepdad",
        UNSAFE_AT_HOME,
        "Bruises from him.",
    ),
    (
        f"{_ABUSER} ... touches|touching|keeps_touching|fondles|fondling|gropes|groping me|us|my_sister|my_brother",
        UNSAFE_AT_HOME,
        "My dad touches me.",
    ),
    (
        "touch~|touched|touching me ... inappropriately|down_there|private_parts|privates|at_night|in_bed|in_my_bed|when_no_one|when_nobody|where_i_dont_want",
        UNSAFE_AT_HOME,
        "He touched me where I didn't want.",
    ),
    (f"{_ABUSER_NAMED} forces|forced|forcing me", UNSAFE_AT_HOME, "My partner forces me to do things."),
    (
        f"her|his|their {_ABUSER_NAMED} ... {_VIOLENCE} her|him|them",
        UNSAFE_AT_HOME,
        "Her boyfriend hits her: someone introducing a person writes of them.",
    ),
    (
        f"{_ABUSER} ... follows|followed|following|stalks|stalking|stalked|watches|turns_up|turning_up|keeps_turning_up|waits_outside me",
        UNSAFE_AT_HOME,
        "He follows me everywhere; my ex keeps turning up. See the exception for following online.",
    ),
    (
        "scared|afraid|frightened|terrified|petrified [that] he|she|they|hell|shell|theyll [will] find|finds|come_after|track_down|get_to me",
        UNSAFE_AT_HOME,
        "I'm scared he'll find me.",
    ),
    (
        "kill|hurt|beat|disown|kick_me_out|throw_me_out me ... if [they|he|she] find~|finds|found|knew|know|find_out|finds_out",
        UNSAFE_AT_HOME,
        "My family will kill me if they find out: honour-based abuse is a risk to take seriously.",
    ),
    (
        "force~|forcing|forced|make|making|made|pressuring|pressured me ... marry|get_married|marriage|wedding",
        UNSAFE_AT_HOME,
        "They're going to force me to marry.",
    ),
    ("forced_marriage|forced_into_marriage|forced_to_marry", UNSAFE_AT_HOME, "Forced marriage."),
    (
        f"parents|parent|family|grandparents|foster_carer|foster_carers|foster_parents|carer|carers|step_parents ... {_VIOLENCE} me|us",
        UNSAFE_AT_HOME,
        "My parents beat me.",
    ),
    (
        f"{_ABUSER} ... {_VIOLENCE} the_kids|the_children|the_baby|the_little_ones",
        UNSAFE_AT_HOME,
        "She beats the kids.",
    ),
    (
        "sleep~|sleeping|slept|sleepin rough|in_my_car|on_the_streets|on_the_street|in_a_doorway|in_a_tent|on_a_bench|in_the_park",
        UNSAFE_AT_HOME,
        "Sleeping in my car; sleeping rough.",
    ),
    (
        "cant|cannot|can_not|couldnt|dont_want_to|scared_to|afraid_to go|go_back home ... tonight|because_of_him|because_of_her|hes_there|shes_there|not_safe|unsafe|scared|afraid|hell|shell|he_will|she_will",
        UNSAFE_AT_HOME,
        "I can't go home tonight, he's there.",
    ),
    # Exceptions: read first; each blanks out only what it matches ------------------------------------
    (
        "cant|cannot|can_not|couldnt go|carry on the|a|an|holiday|holidays|trip|trips|buses|trains|planes|public|my|his|her|their|our|dates|social|rides|medication|meds|antidepressants|waiting|benefits|youtube|facebook|line|online|strike|courses|course|stage|tv|air|about|tour|anything|days_out|with_my_course|with_my_studies|with_work|with_my_job|at_work|working|studying|with_the_course|with_uni|with_college|with_school",
        EXCEPTION,
        "'Can't go on holiday' is not 'I can't go on'.",
    ),
    (
        f"cut~|cutting {_ME} a|some|off|out|short|free|loose|slack|up",
        EXCEPTION,
        "Cutting myself a slice; cutting myself off from friends.",
    ),
    ("hurt~|hurting|hurtin ... feelings|pride", EXCEPTION, "Hurting someone's feelings."),
    (
        "kill~|killing|killed|killin it|time|the_time|the_mood|the_vibe|for_a",
        EXCEPTION,
        "Killed it at the quiz; killing time; I'd kill for a coffee.",
    ),
    ("beat~|beats me|him|her|them|us|everyone at|in", EXCEPTION, "She beats me at chess."),
    ("hit~|hits me up on|online|about|with|for|later|when|if", EXCEPTION, "Hit me up on WhatsApp."),
    ("it|that|this|reality|grief|then|suddenly hit~|hits me", EXCEPTION, "It hit me how lonely I was."),
    (
        f"take~|took|taken all [my|the] {_TABLETS} as|every|each|daily|on_time|regularly|properly|like_i_should|i_was_given|prescribed|with_food",
        EXCEPTION,
        "Taking all my tablets as prescribed.",
    ),
    (
        "scared|afraid|frightened|terrified|petrified|worried of|about my|him|her ... dying|dieing|passing|being_ill|getting_ill|illness|reaction|finding_out|health|cancer|dementia|leaving|losing|death",
        EXCEPTION,
        "Scared of my dad dying.",
    ),
    ("end~ it with|between", EXCEPTION, "Ending it with a partner."),
    ("dye my|her|his|the|our hair|clothes|it|them", EXCEPTION, "Dyeing hair, not 'die'."),
    ("cut~|cutting my|his|her|the|their hair|fringe|nails|grass|hedge|lawn|toenails", EXCEPTION, "Cutting my hair."),
    (
        "cut~|cutting down|back|out|costs|corners|ties|class|classes|school|lessons|short|off|up|through|in_line|the_cake|onions|sugar|caffeine",
        EXCEPTION,
        "Cutting down on drinking; cutting back.",
    ),
    (
        "burnt|burned|burn~|cut|hurt~|scald~ myself on|with|while|when|making|cooking|ironing ... oven|kettle|iron|stove|hob|pan|dinner|tea|cooking|knife|gardening|football|chopping|shaving|cooker|toaster|gym|running",
        EXCEPTION,
        "Burnt myself on the oven.",
    ),
    ("be here on_my_own|alone|by_myself", EXCEPTION, "I don't want to be here on my own at Christmas."),
    (
        "be here in|at this|the|my town|city|job|area|country|flat|house|school|hospital|relationship|marriage|room|office|village|hostel",
        EXCEPTION,
        "I don't want to be here in this town.",
    ),
    (
        "in_front_of the|a bus_stop|train_station|tube_station|car_park|bus_station|station",
        EXCEPTION,
        "In front of the bus stop.",
    ),
    ("myself sick with worry|worrying|stress|nerves|anxiety", EXCEPTION, "Making myself sick with worry."),
    (
        "way_out of|from the|this|that car_park|building|station|shop|centre|center|maze|estate|hospital|park",
        EXCEPTION,
        "The way out of the car park.",
    ),
    ("follows|followed|following me on|online", EXCEPTION, "He follows me on Instagram."),
]


def lexicon_load(entry_model: Any) -> int:
    """Add the shipped entries that are missing (the model passed in, so a migration can call it too).

    Entries the clinical lead has changed or switched off are left as they are. Returns how many were added.
    """
    have = set(entry_model.objects.values_list("pattern", flat=True))
    missing = [
        entry_model(pattern=pattern, category=category, note=note)
        for pattern, category, note in DEFAULT_LEXICON
        if pattern not in have
    ]
    entry_model.objects.bulk_create(missing)
    return len(missing)


# The languages the front door is offered in (decision 0062): the words of risk people most often write in
# each, so that an introduction written in it is read first too. Written for the first translations, like
# them not yet checked by a fluent speaker: the clinical lead reviews each with one (hazard H-017). Forms are
# spelled out where a beginning would catch everyday words ("zabiorę", I will take, begins like "zabiję").
IN_OTHER_LANGUAGES: list[tuple[str, str, str]] = [
    # Polish
    ("samobój*", SUICIDE, "Polish: samobójstwo, samobójcze (suicide, suicidal)."),
    ("zabić|zabiję|zabije|zabijam|zabiłem|zabiłam się", SUICIDE, "Polish: zabiję się (I will kill myself)."),
    ("się zabić|zabiję|zabije|zabijam", SUICIDE, "Polish: chcę się zabić (I want to kill myself)."),
    ("chcę|chce|chciałbym|chciałabym|wolę umrzeć", SUICIDE, "Polish: chcę umrzeć (I want to die)."),
    ("nie chcę|chce [już|dłużej] żyć", SUICIDE, "Polish: nie chcę już żyć (I don't want to live any more)."),
    ("odebrać|odbiorę sobie życie", SUICIDE, "Polish: odebrać sobie życie (take my own life)."),
    ("skończyć|skończę ze sobą", SUICIDE, "Polish: skończyć ze sobą (end it, myself)."),
    ("samookalecz*", SELF_HARM, "Polish: samookaleczenie (self-harm)."),
    ("tnę|tne|ciąć|pocięłam|pociąłem się", SELF_HARM, "Polish: tnę się (I cut myself)."),
    ("się tnę|tne|ciąć|pocięłam|pociąłem", SELF_HARM, "Polish: znowu się tnę (I'm cutting again)."),
    ("zrobić|robię|zrobiłam|zrobiłem sobie krzywdę", SELF_HARM, "Polish: zrobię sobie krzywdę (I'll hurt myself)."),
    ("zabiję|zabije|zabić go|ją|ich|kogoś|dziecko|męża|żonę", HARM_TO_OTHERS, "Polish: zabiję go (I'll kill him)."),
    ("skrzywdzę|skrzywdzić kogoś|go|ją|ich|dziecko|dzieci", HARM_TO_OTHERS, "Polish: skrzywdzę kogoś."),
    ("bije|bił|biła|uderza|uderzył|kopie|dusi|dusił|zgwałcił mnie", UNSAFE_AT_HOME, "Polish: on mnie bije."),
    ("mnie bije|bił|biła|uderza|uderzył|kopie|dusi|dusił|zgwałcił", UNSAFE_AT_HOME, "Polish: bije mnie."),
    ("przemoc* domow*", UNSAFE_AT_HOME, "Polish: przemoc domowa (domestic violence)."),
    ("boję|boje się wrócić|wracać [do] domu", UNSAFE_AT_HOME, "Polish: boję się wrócić do domu."),
    # Portuguese
    ("suicíd*|suicida", SUICIDE, "Portuguese: suicídio, suicida."),
    ("matar|mato me", SUICIDE, "Portuguese: matar-me, vou-me matar (kill myself)."),
    ("me matar|mato", SUICIDE, "Portuguese: quero me matar (I want to kill myself)."),
    ("quero|queria morrer", SUICIDE, "Portuguese: quero morrer (I want to die)."),
    ("não quero [mais] viver", SUICIDE, "Portuguese: não quero mais viver."),
    ("tirar a minha [própria] vida", SUICIDE, "Portuguese: tirar a minha vida (take my life)."),
    ("acabar com a minha vida", SUICIDE, "Portuguese: acabar com a minha vida (end my life)."),
    ("automutila*|autolesão|autoflagela*", SELF_HARM, "Portuguese: automutilação, autolesão."),
    ("cortar|corto|cortei me", SELF_HARM, "Portuguese: corto-me (I cut myself)."),
    ("me cortar|corto|cortei", SELF_HARM, "Portuguese: me cortei (I cut myself)."),
    ("matar|matá alguém|ele|ela|lo|la|os", HARM_TO_OTHERS, "Portuguese: vou matá-lo (I'll kill him)."),
    ("fazer mal a alguém|ele|ela|os|as", HARM_TO_OTHERS, "Portuguese: fazer mal a alguém (harm someone)."),
    (
        "bate|bateu|espanca|espancou|agride|agrediu|ameaça|ameaçou|estrangulou me",
        UNSAFE_AT_HOME,
        "Portuguese: bate-me.",
    ),
    (
        "me bate|bateu|espanca|espancou|agride|agrediu|ameaça|ameaçou|estrangulou",
        UNSAFE_AT_HOME,
        "Portuguese: me bate.",
    ),
    ("violência doméstica", UNSAFE_AT_HOME, "Portuguese: violência doméstica (domestic violence)."),
    ("medo de voltar para|a casa", UNSAFE_AT_HOME, "Portuguese: medo de voltar para casa."),
    # Spanish ("suicid*" above finds suicidio and suicidarme)
    ("matarme|suicidarme", SUICIDE, "Spanish: quiero matarme (I want to kill myself)."),
    ("me voy a matar", SUICIDE, "Spanish: me voy a matar."),
    ("quiero|quería morir|morirme", SUICIDE, "Spanish: quiero morir (I want to die)."),
    ("no quiero [seguir] vivir|viviendo", SUICIDE, "Spanish: no quiero seguir viviendo."),
    ("quitarme la vida", SUICIDE, "Spanish: quitarme la vida (take my life)."),
    ("acabar con mi vida", SUICIDE, "Spanish: acabar con mi vida (end my life)."),
    ("autolesi*", SELF_HARM, "Spanish: autolesión (self-harm)."),
    ("cortarme|autolesionarme", SELF_HARM, "Spanish: cortarme (cut myself)."),
    ("me corto|corté|cortaba", SELF_HARM, "Spanish: me corto (I cut myself)."),
    ("hacerme daño", SELF_HARM, "Spanish: hacerme daño (hurt myself)."),
    ("me hago|hice daño", SELF_HARM, "Spanish: me hago daño (I hurt myself)."),
    ("matarlo|matarla|matarlos|matarle", HARM_TO_OTHERS, "Spanish: voy a matarlo (I'll kill him)."),
    ("matar|mataré a alguien|él|ella|mi", HARM_TO_OTHERS, "Spanish: matar a alguien."),
    ("hacerle daño", HARM_TO_OTHERS, "Spanish: hacerle daño (hurt him, her)."),
    ("hacer daño a alguien|otros|él|ella|mi", HARM_TO_OTHERS, "Spanish: hacer daño a alguien."),
    ("me pega|pegó|golpea|golpeó|maltrata|maltrató|amenaza|amenazó|ahorca|violó", UNSAFE_AT_HOME, "Spanish: me pega."),
    ("violencia doméstica|de_género", UNSAFE_AT_HOME, "Spanish: violencia doméstica, de género."),
    ("miedo de|a volver a casa", UNSAFE_AT_HOME, "Spanish: miedo de volver a casa."),
    # Turkish
    ("intihar*", SUICIDE, "Turkish: intihar (suicide)."),
    ("kendimi öldür*", SUICIDE, "Turkish: kendimi öldüreceğim (I'll kill myself)."),
    ("ölmek istiyorum", SUICIDE, "Turkish: ölmek istiyorum (I want to die)."),
    ("yaşamak istemiyorum", SUICIDE, "Turkish: yaşamak istemiyorum (I don't want to live)."),
    ("canıma kıy*", SUICIDE, "Turkish: canıma kıyacağım (I'll take my life)."),
    ("hayatıma son ver*", SUICIDE, "Turkish: hayatıma son vereceğim (I'll end my life)."),
    ("kendime zarar ver*", SELF_HARM, "Turkish: kendime zarar veriyorum (I harm myself)."),
    ("kendimi kesiyorum|kestim|kesmek|keseceğim", SELF_HARM, "Turkish: kendimi kesiyorum (I cut myself)."),
    ("onu|onları|birini|kocamı|karımı öldür*", HARM_TO_OTHERS, "Turkish: onu öldüreceğim (I'll kill him)."),
    ("birine|ona|onlara zarar ver*", HARM_TO_OTHERS, "Turkish: birine zarar vereceğim."),
    ("beni dövüyor|dövdü|dövüyorlar|boğmaya|tehdit*", UNSAFE_AT_HOME, "Turkish: beni dövüyor (he beats me)."),
    ("ev|aile içi şiddet*", UNSAFE_AT_HOME, "Turkish: aile içi şiddet (domestic violence)."),
    ("eve dönmekten kork*", UNSAFE_AT_HOME, "Turkish: eve dönmekten korkuyorum."),
    # Somali
    ("isdil*", SUICIDE, "Somali: isdilid (suicide)."),
    ("is dil*", SUICIDE, "Somali: is dilid, is dilo (kill oneself)."),
    ("inaan dhinto", SUICIDE, "Somali: waxaan rabaa inaan dhinto (I want to die)."),
    ("naftayda qaad*", SUICIDE, "Somali: naftayda qaado (take my own life)."),
    ("isdhaawac*", SELF_HARM, "Somali: isdhaawac (self-harm)."),
    ("is dhaawac*|gooy*", SELF_HARM, "Somali: is dhaawac, is gooyn (self-harm, cutting)."),
    ("waan|qof dili doonaa", HARM_TO_OTHERS, "Somali: waan dili doonaa (I will kill)."),
    ("i garaac*|handad*", UNSAFE_AT_HOME, "Somali: wuu i garaacaa (he beats me), i handadaa (threatens me)."),
    ("xadgudub*|rabshad* qoys*", UNSAFE_AT_HOME, "Somali: xadgudubka qoyska (domestic abuse)."),
    # Bengali
    ("আত্মহত্যা*", SUICIDE, "Bengali: আত্মহত্যা (suicide)."),
    ("মরে যেতে চাই", SUICIDE, "Bengali: মরে যেতে চাই (I want to die)."),
    ("বাঁচতে চাই না", SUICIDE, "Bengali: বাঁচতে চাই না (I don't want to live)."),
    ("নিজেকে মেরে|শেষ*", SUICIDE, "Bengali: নিজেকে মেরে ফেলব (I'll kill myself)."),
    ("নিজেকে আঘাত*|কাট*", SELF_HARM, "Bengali: নিজেকে আঘাত করি (I hurt myself)."),
    ("নিজের ক্ষতি*", SELF_HARM, "Bengali: নিজের ক্ষতি করি (I harm myself)."),
    ("ওকে|তাকে|কাউকে মেরে ফেল*", HARM_TO_OTHERS, "Bengali: ওকে মেরে ফেলব (I'll kill him)."),
    ("আমাকে মারে|মারধর*|মেরেছে", UNSAFE_AT_HOME, "Bengali: আমাকে মারে (he hits me)."),
    ("পারিবারিক সহিংসতা|নির্যাতন*", UNSAFE_AT_HOME, "Bengali: পারিবারিক সহিংসতা (domestic violence)."),
    # Arabic (with and without hamza, as people type it)
    ("انتحار*|الانتحار*|انتحر*|أنتحر*|سأنتحر|بالانتحار", SUICIDE, "Arabic: انتحار (suicide)."),
    ("أقتل|اقتل|سأقتل|قتل نفسي", SUICIDE, "Arabic: أقتل نفسي (kill myself)."),
    ("أريد|اريد|أود|اود أن|ان أموت|اموت", SUICIDE, "Arabic: أريد أن أموت (I want to die)."),
    ("لا أريد|اريد أن|ان أعيش|اعيش", SUICIDE, "Arabic: لا أريد أن أعيش (I don't want to live)."),
    ("أنهي|انهي|سأنهي حياتي", SUICIDE, "Arabic: أنهي حياتي (end my life)."),
    ("أؤذي|اؤذي|أجرح|اجرح نفسي", SELF_HARM, "Arabic: أؤذي نفسي (I hurt myself)."),
    ("إيذاء|ايذاء النفس", SELF_HARM, "Arabic: إيذاء النفس (self-harm)."),
    ("سأقتله|سأقتلها|سأقتلهم|أقتله|اقتله|أقتلها|اقتلها", HARM_TO_OTHERS, "Arabic: سأقتله (I'll kill him)."),
    ("أؤذي|اؤذي أحدا|شخصا|الناس|أطفالي|زوجي|زوجتي", HARM_TO_OTHERS, "Arabic: أؤذي أحدا (hurt someone)."),
    ("يضربني|ضربني|تضربني|يهددني|هددني|يخنقني|خنقني", UNSAFE_AT_HOME, "Arabic: يضربني (he beats me)."),
    ("عنف أسري|منزلي", UNSAFE_AT_HOME, "Arabic: عنف أسري (domestic violence)."),
    ("أخاف|اخاف|خائف|خائفة من العودة|الرجوع إلى|الى البيت|المنزل", UNSAFE_AT_HOME, "Arabic: أخاف العودة إلى البيت."),
]
DEFAULT_LEXICON += IN_OTHER_LANGUAGES
