# Weight histograms of one strategy, written by compare-inits.
# Re-render with `gnuplot weights-relu-gauss-128.gp` in this folder (reads weights-relu-gauss-128.dat).
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
set output 'weights-relu-gauss-128.png'
set style fill solid 0.5 noborder
set grid
set xlabel 'Weight value'
set ylabel 'Weights per bin'
set multiplot layout 4,3 title 'ReLU He Gaussian, 128 layers: the weights of 12 of its 129 layers'."\n".'where training started (filled) and where it ended (line), seed 1'
set title 'layer 1'
set boxwidth 0.008901833593845367
set xrange [-0.23793256059288978:0.25166828706860545]
set xtics 0.1
plot 'weights-relu-gauss-128.dat' index 0 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 0 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 13'
set boxwidth 0.015074145793914796
set xrange [-0.39596468210220337:0.43311333656311035]
set xtics 0.2
plot 'weights-relu-gauss-128.dat' index 12 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 12 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 24'
set boxwidth 0.015024147629737854
set xrange [-0.40929424315690993:0.417033876478672]
set xtics 0.2
plot 'weights-relu-gauss-128.dat' index 23 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 23 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 36'
set boxwidth 0.015297257900238037
set xrange [-0.4399991035461426:0.40135008096694946]
set xtics 0.2
plot 'weights-relu-gauss-128.dat' index 35 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 35 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 48'
set boxwidth 0.01498883605003357
set xrange [-0.3822853475809097:0.44210063517093656]
set xtics 0.2
plot 'weights-relu-gauss-128.dat' index 47 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 47 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 59'
set boxwidth 0.014810153245925904
set xrange [-0.4023550063371658:0.41220342218875883]
set xtics 0.2
plot 'weights-relu-gauss-128.dat' index 58 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 58 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 71'
set boxwidth 0.015444297790527344
set xrange [-0.4391009986400604:0.41033537983894347]
set xtics 0.2
plot 'weights-relu-gauss-128.dat' index 70 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 70 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 82'
set boxwidth 0.014472220540046692
set xrange [-0.4001990512013435:0.3957730785012245]
set xtics 0.2
plot 'weights-relu-gauss-128.dat' index 81 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 81 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 94'
set boxwidth 0.014558145403862
set xrange [-0.4070311710238457:0.3936668261885643]
set xtics 0.2
plot 'weights-relu-gauss-128.dat' index 93 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 93 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 106'
set boxwidth 0.014505819082260132
set xrange [-0.4045896023511887:0.3932304471731186]
set xtics 0.2
plot 'weights-relu-gauss-128.dat' index 105 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 105 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 117'
set boxwidth 0.015341777801513672
set xrange [-0.44042288064956664:0.4033748984336853]
set xtics 0.2
plot 'weights-relu-gauss-128.dat' index 116 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 116 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 129'
set boxwidth 0.012936060428619384
set xrange [-0.358447802066803:0.3530355215072632]
set xtics 0.2
plot 'weights-relu-gauss-128.dat' index 128 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 128 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
unset multiplot
