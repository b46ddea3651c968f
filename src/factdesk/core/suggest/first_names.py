"""Common given names with the gender they usually signal, for resolving "he" and "she".

Only a hint: a title (Mr, Ms, Sir, Dame), a role (spokeswoman) or the desk's own speakers
outrank it, and a name missing from both lists leaves the gender unknown, which fits either
pronoun. Drawn from common UK, US, European, African, South and East Asian given names.
"""

from __future__ import annotations


def _names(block: str) -> frozenset[str]:
    return frozenset(block.split())


MALE = _names(
    """
    alfred bert cyril dennis ernest frank gerald harold horace howard humphrey ivor kenneth
    leslie maurice nigel norman percy reginald ronald stanley sydney trevor vernon wilfred
    arnold clifford dudley edmund gordon herbert leonard lionel malcolm neville ralph rodney
    rupert tyrone ethan owen huw dylan gethin rhodri emrys ifan tomas
    aaron abdul abdullah abu adam adrian ahmed ahmet ajay akash alan alastair albert
    alejandro alex alexander alexei alfie ali alistair amir anand andre andreas andrew
    andrei andy angus anthony antonio anwar archie arjun arnold arthur ashok ashley austin
    barack barry ben benjamin bernard bernie bill billy bob bobby boris brad bradley brandon
    brendan brian bruce bryan callum calvin cameron carl carlos charles charlie chris
    christian christopher chuck clive colin conor craig dale damian dan daniel danny darren
    dave david dean declan dennis derek desmond dev diego dmitry dominic don donald doug
    douglas duncan dylan ed eddie edgar edmund edward edwin eli elijah elliot emmanuel emeka
    enrique eric ethan evan ewan fabio farid felix fergus fernando finn francis francisco
    frank franz fraser fred freddie frederick gabriel gareth garry gary gavin geoff geoffrey
    george gerald gerhard gordon graham grant greg gregory gustavo hamish hamza hans harold
    harry harvey hassan hector henry hugh hugo hussein iain ian ibrahim igor imran isaac
    ivan jack jacob jaime jake james jamie jared jason javier jay jean jeff jeffrey jeremy
    jerome jim jimmy joe joel johan john johnny jon jonathan jordan jorge jose josef joseph
    josh joshua juan julian justin kamal karim karl keir keith ken kenneth kevin khalid
    kieran kofi kwame kwasi lachlan lance larry lee leo leon leonard liam lionel lloyd logan
    lorenzo louis luca lucas luis luke malcolm manuel marco marcus mario mark martin mason
    matt matteo matthew max maxwell michael miguel mike milan mitch mohamed mohammad
    mohammed muhammad murray nadhim nathan neil nicholas nick nigel nikolai noah norman oleg
    oliver olaf omar oscar owen pablo paddy patrick paul pavel pedro pete peter phil philip
    pierre rafael rahul raj rajesh ralph ramon randy raymond reece rhys ricardo richard rick
    rishi rob robert robin rod rodrigo roger roman ronald rory ross roy rupert russell ryan
    sadiq salman sam samuel sanjay scott sean sebastian sergei sergio shaun simon stanley
    stefan stephen steve steven stuart sunak tariq ted terry theo thomas tim timothy tobias
    toby tom tommy tony travis trevor tristan tyler umar victor viktor vikram vincent
    vladimir volodymyr walter warren wayne wes wesley will william wolfgang xavier yusuf zac
    zach zachary
    alfie barney bertie brett byron cedric clarence clyde cormac curtis damon darius
    dermot dominic eamon eamonn elliott ellis emlyn ernie euan evan ezra fintan floyd gareth
    garth gavin gerry glen glenn gregor guy hal hank harrison ieuan ira ivan jarvis jasper
    jed jeremiah jesse jethro joey jonah jude kane keegan kelvin kenny kirk kyle lenny lewis
    linus lorcan lyle marvin micah miles monty nathaniel ned niall nicky noel ollie
    ozzie perry phineas quentin ralph ray raymond reggie rex ricky ronan rowan rufus seamus
    seb shane sid silas sonny spencer stewart stu teddy terence tobias todd trent troy vince
    wade wallace willie zak
    aarav abhishek aditya amit amitabh anil anish anuj arun ashwin deepak dinesh gaurav gopal
    hari harish jagdish karan kishore krishna kunal mahesh manish manoj mohan mukesh
    naveen nikhil nitin pankaj pradeep prakash pranav rajiv rakesh ramesh ravi rohan rohit
    sachin sandeep sanjeev santosh satish shiv siddharth sunil suresh vijay vinod vivek
    yash arif asif aziz bilal faisal farooq hamid haroon idris imtiaz irfan jamal javed
    junaid kashif majid mustafa nadeem naveed rashid rizwan sajid shahid shoaib tahir usman
    waqar yasir zafar zubair ahmad hussain karim khalil mahmoud nasser osman saeed samir
    tarek walid youssef yousef
    ade adebayo adewale ayo babajide chidi chinedu chukwuemeka emeka femi gbenga ikenna
    kayode kelechi kunle nnamdi obinna olumide segun tunde uche kojo kwabena kwaku kwesi
    yaw kofi kwame jomo tendai tafadzwa themba sipho thabo mandla
    alejandro alonso alvaro andres angel armando arturo cesar cristian eduardo emilio esteban
    felipe gonzalo guillermo ignacio joaquin jorge julio leonardo marcelo mateo mauricio
    nicolas pablo raul rodrigo ruben salvador santiago tomas
    alessandro antonio fabrizio federico filippo gianluca giorgio giovanni giuseppe
    lorenzo luigi massimo matteo paolo pietro riccardo roberto salvatore stefano
    bjorn erik lars magnus mikael nils sven anders henrik jens kasper mads rasmus
    aleksander andrzej bogdan dariusz jakub janusz kamil krzysztof marek mariusz michal
    pawel piotr tomasz wojciech zbigniew dmitri mikhail nikita oleksandr taras yuri
    hiroshi kenji takeshi haruto hiroki kazuo makoto satoshi takashi
        """
)

FEMALE = _names(
    """
    doreen pauline brenda glenys gwen gwendolyn mavis maud muriel enid ethel elsie beryl
    hilda irene joan jean-marie marjorie nell nellie peggy rita sadie sylvie thelma vera
    winifred agatha bella cassie delia esme flora gloria hattie ivy jolene kendra lacey
    lorraine mabel nadine odette paula rhona selina tilly verity wilma yolanda zelda janice
    gail tanya trudy ruby ruth josie nora harriet leslie sydney morgan
    abigail ada adele adriana agnes aisha alexandra alice alicia alison amanda amber amelia
    amy ana anastasia andrea angela angelina anita ann anna anne annette annie ava barbara
    beatrice becky belinda beth bethany betty beverley bianca brenda bridget camilla carla
    carmen carol caroline carolyn catherine cecilia charlotte chloe christina christine
    claire clara claudia colette connie cristina cynthia daisy dana daniela deborah debbie
    denise diana diane dolores donna dora doris dorothy edith eileen elaine eleanor elena
    elif eliza elizabeth ella ellen ellie eloise elsa emily emma erica erin esther eva eve
    evelyn fatima fiona florence frances francesca freya gabriela gemma georgia geraldine
    gillian gina giorgia grace hannah harriet hazel heather heidi helen helena hilary holly
    imogen ines ingrid irene iris isabel isabella isla ivana jacinda jackie jacqueline jade
    jane janet janice jasmine jean jenna jennifer jenny jess jessica jill jo joan joanna
    jodie josephine joy joyce judith judy julia julie justine kamala karen kate katharine
    katherine kathleen kathryn kathy katie kay kemi kerry kim kirsty kristen laura lauren
    leah leila lena lesley lillian lily linda lisa liz liza lorna lorraine louise lucia lucy
    lydia lynn mabel madeleine maggie maria marie marina marion marjorie martha mary maureen
    maxine megan melanie melissa mhairi michelle mia mildred miriam molly monica naomi
    natalie natasha nadia nancy nicola nicole nina nora olga olivia paige pamela patricia
    paula pauline penelope penny petra philippa phoebe pippa polly priti priya rachel
    rebecca rachael rita roberta rosa rosalind rose rosie ruth sabrina sally samantha sandra
    sara sarah sharon sheila shirley sian sienna simone sofia sonia sophie stella stephanie
    sue susan suzanne svetlana sylvia tamara tanya teresa tessa theresa tina tracy ursula
    valentina valerie vanessa vera veronica victoria violet virginia wendy yasmin yvette
    yvonne zara zoe
    abbie aimee alana alexa alisha alyssa anya april ariana ashleigh aurora autumn bernadette
    beverly bonnie brianna brooke bryony caitlin candice cara carly carys cassandra
    catriona celia chantelle charlene cheryl ciara cleo courtney danielle darcey darcy dawn
    debra deirdre demi destiny dionne eilidh elise elsie emer esme estelle faye felicity
    fran gabrielle georgina glenda greta gwyneth hayley hermione hollie india isobel jacqui
    janine jeanette jemima jessie joanne jocelyn jodie jolene judi kaitlyn karina kayla
    keeley keira kelly kerry-ann kiera kimberley kirsten krystal lara laurel layla leanne
    lexi lila lindsay lindsey lisa lois lola lorna lottie lucinda lyndsey lynne maddie maisie
    mandy marcia margaret marianne marilyn marsha matilda maya meg mel melinda meredith
    millie mina mirabel moira morag nadine nell niamh nikki noreen norma olwen orla pam
    patsy pearl peggy poppy rebekah regina rhian rhiannon roisin rosemary rowena roxanne
    saoirse saskia shannon shauna sinead siobhan skye stacey sunita susie tabitha tallulah
    tamsin tara tegan tia toni tracey trisha una vicky viv willow winnie
    aarti aishwarya amrita anjali anjana anushka archana asha bhavna deepa deepika divya
    gita geeta indira jaya jyoti kajal kavita kavya lakshmi leela madhu meena meera neha
    nisha pooja preeti priyanka radha rani rekha ritu sangeeta sarita seema shanti shilpa
    shreya smita sneha sonal sushma swati uma usha vandana vidya aaliyah amina asma ayesha
    farah farida hafsa hina iman khadija laila mariam maryam nadia noor rabia rania rukhsana
    saira salma samira sana shabana shazia yasmeen zainab zahra zeynep
    abena adaeze adenike adwoa afua akosua ama amara chiamaka chidinma chioma efua folake
    funmilayo ifeoma ngozi nkechi nneka nomvula nthabiseng obiageli oluwaseun temitope
    thandiwe titilayo yetunde yewande
    alejandra beatriz camila catalina consuelo daniela elena esperanza fernanda gabriela
    guadalupe isabela juana lucia luisa marisol mercedes paloma pilar raquel rocio silvia
    ximena chiara donatella federica giulia ilaria lucrezia martina serena
    agnieszka anja astrid birgit dagmar elke greta ingrid kasia katarzyna magda malgorzata
    marta sigrid solveig ulrike irina ludmila natalia oksana tatiana yulia
    akiko aiko emiko hana keiko kumiko mei naoko sakura yoko yumiko
        """
)
