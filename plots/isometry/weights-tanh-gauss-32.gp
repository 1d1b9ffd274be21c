# Weight histograms of one strategy, written by compare-inits.
# Re-render with `gnuplot weights-tanh-gauss-32.gp` in this folder (reads weights-tanh-gauss-32.dat).
reset
set terminal pngcairo size 960,1320 noenhanced font 'sans,11'
set linetype 1 linecolor rgb '#000000' dashtype 1 linewidth 2
set linetype 2 linecolor rgb '#E69F00' dashtype (14,6) linewidth 2
set linetype 3 linecolor rgb '#56B4E9' dashtype (4,4) linewidth 2
set linetype 4 linecolor rgb '#009E73' dashtype (14,4,3,4) linewidth 2
set linetype 5 linecolor rgb '#0072B2' dashtype (28,8) linewidth 2
set linetype 6 linecolor rgb '#D55E00' dashtype (3,3,10,3) linewidth 2
set linetype 7 linecolor rgb '#CC79A7' dashtype (8,3) linewidth 2
set linetype 8 linecolor rgb '#B8A200' dashtype (20,4,3,4,3,4) linewidth 2
set linetype cycle 8
set output 'weights-tanh-gauss-32.png'
set style fill solid 0.5 noborder
set grid
set xlabel 'Weight value'
set ylabel 'Weights per bin'
set multiplot layout 4,3 title 'tanh Gaussian, 32 layers: the weights of 12 of its 33 layers'."\n".'where training started (filled) and where it ended (line), seed 1'
set title 'layer 1'
set boxwidth 0.006431302130222321
set xrange [-0.17110856547951697:0.18261305168271064]
set xtics 0.1
plot 'weights-tanh-gauss-32.dat' index 0 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 0 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 4'
set boxwidth 0.011110578179359436
set xrange [-0.3199572518467903:0.29112454801797866]
set xtics 0.2
plot 'weights-tanh-gauss-32.dat' index 3 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 3 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 7'
set boxwidth 0.011778268218040466
set xrange [-0.3389502093195915:0.3088545426726341]
set xtics 0.2
plot 'weights-tanh-gauss-32.dat' index 6 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 6 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 10'
set boxwidth 0.011408827304840087
set xrange [-0.31254019737243655:0.31494530439376833]
set xtics 0.2
plot 'weights-tanh-gauss-32.dat' index 9 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 9 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 13'
set boxwidth 0.010939244627952576
set xrange [-0.30477414578199385:0.2968843087553978]
set xtics 0.2
plot 'weights-tanh-gauss-32.dat' index 12 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 12 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 16'
set boxwidth 0.01090234100818634
set xrange [-0.29877345710992814:0.3008552983403206]
set xtics 0.2
plot 'weights-tanh-gauss-32.dat' index 15 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 15 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 18'
set boxwidth 0.01028083086013794
set xrange [-0.27630679607391356:0.2891389012336731]
set xtics 0.2
plot 'weights-tanh-gauss-32.dat' index 17 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 17 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 21'
set boxwidth 0.01039589822292328
set xrange [-0.28948468416929246:0.2822897180914879]
set xtics 0.2
plot 'weights-tanh-gauss-32.dat' index 20 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 20 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 24'
set boxwidth 0.011074991822242737
set xrange [-0.29491492062807084:0.3142096295952797]
set xtics 0.2
plot 'weights-tanh-gauss-32.dat' index 23 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 23 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 27'
set boxwidth 0.012263397574424744
set xrange [-0.33320660442113875:0.3412802621722221]
set xtics 0.2
plot 'weights-tanh-gauss-32.dat' index 26 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 26 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 30'
set boxwidth 0.010129734873771667
set xrange [-0.2758893296122551:0.2812460884451866]
set xtics 0.2
plot 'weights-tanh-gauss-32.dat' index 29 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 29 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 33'
set boxwidth 0.010084604322910308
set xrange [-0.25452412441372874:0.3001291133463383]
set xtics 0.2
plot 'weights-tanh-gauss-32.dat' index 32 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 32 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
unset multiplot
